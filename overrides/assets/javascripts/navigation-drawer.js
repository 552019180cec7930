// The navigation drawer (Material's primary sidebar: a drawer below 76.25em, a sidebar above),
// for keyboard users:
// - the menu button (handbook/core/material_seams.py) replaces Material's <label>, which
//   Tab never reaches; it opens and closes the drawer as Material does, by clicking #__drawer;
// - the closed drawer is inert, so that Tab never lands on links no one can see;
// - opened from the button, focus moves to the drawer's first link; Escape, or Shift+Tab from
//   that link, closes it and returns focus to the button; Tab past its last link closes it.
// Material's hidden drawer toggle also starts unchecked on every page load. Material marks it
// autocomplete="off" for that, which HTML does not allow on checkboxes (handbook/core/material_seams.py
// removes it), and without it Chromium brings them back checked after back and forward.
// Material's toggles, sidebar, label and breakpoint: material-seams.js, seam "navigation drawer".
(function () {
  var seam = window.MaterialSeams && window.MaterialSeams.DRAWER;
  if (!seam) return;
  var drawer = document.getElementById(seam.toggle);
  var sidebar = document.querySelector(seam.sidebar);
  var button = document.querySelector(".handbook-menu");
  var label = document.querySelector(seam.label);
  if (!drawer || !sidebar || !button || !label) return;
  var wide = matchMedia(seam.wide);
  var first = sidebar.querySelector("a[href]");

  function open() {
    return drawer.checked && !wide.matches;
  }
  function update() {
    sidebar.inert = !wide.matches && !drawer.checked;
    button.setAttribute("aria-expanded", open());
  }
  function close() {
    drawer.click();
    button.focus();
  }

  button.hidden = false;
  label.hidden = true;
  button.addEventListener("click", function () {
    drawer.click();
    if (open() && first) first.focus({ preventScroll: true });
  });
  drawer.addEventListener("change", update);
  wide.addEventListener("change", update);
  document.addEventListener("keydown", function (event) {
    if (open() && (event.key === "Escape" || (event.key === "Tab" && event.shiftKey && document.activeElement === first))) {
      event.preventDefault();
      close();
    }
  });
  sidebar.addEventListener("focusout", function (event) {
    if (open() && event.relatedTarget && !sidebar.contains(event.relatedTarget)) drawer.click();
  });
  addEventListener("pageshow", function () {
    if (drawer.checked) drawer.click();
  });
  update();
})();
