// The navigation drawer (Material's primary sidebar, a drawer below 76.25em and a sidebar above),
// for keyboard users:
// - the menu button (overrides/partials/material-seams.html) replaces Material's <label>, which
//   Tab never reaches; it opens and closes the drawer the way Material does, by clicking its
//   hidden checkbox #__drawer;
// - the closed drawer is inert, so that Tab never lands on links no one can see;
// - opened from the button, focus moves to the drawer's first link; Escape, or Shift+Tab from
//   that link, closes it and returns focus to the button; Tab past its last link closes it.
// Material's two hidden toggles also start unchecked on every page load: Material marks them
// autocomplete="off" for that, which HTML does not allow on checkboxes (handbook/material_seams.py
// removes it), and without it Chromium brings them back checked after back and forward.
(function () {
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var button = document.querySelector(".handbook-menu");
  if (!drawer || !sidebar || !button) return;
  var wide = matchMedia("(min-width: 76.25em)");

  function open() {
    return drawer.checked && !wide.matches;
  }
  function links() {
    return [].filter.call(sidebar.querySelectorAll("a[href], [tabindex='0']"), function (el) {
      return el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible";
    });
  }
  function update() {
    sidebar.inert = !wide.matches && !drawer.checked;
    button.setAttribute("aria-expanded", String(open()));
  }
  function close(focusButton) {
    if (drawer.checked) drawer.click();
    if (focusButton) button.focus();
  }

  button.hidden = false;
  var label = document.querySelector(".md-header__button[for='__drawer']");
  if (label) label.hidden = true;
  button.addEventListener("click", function () {
    drawer.click();
    var first = links()[0];
    if (open() && first) first.focus({ preventScroll: true });
  });
  drawer.addEventListener("change", update);
  wide.addEventListener("change", update);
  document.addEventListener("keydown", function (event) {
    if (!open()) return;
    if (event.key === "Escape" || (event.key === "Tab" && event.shiftKey && document.activeElement === links()[0])) {
      event.preventDefault();
      close(true);
    }
  });
  sidebar.addEventListener("focusout", function (event) {
    if (open() && event.relatedTarget && !sidebar.contains(event.relatedTarget)) close(false);
  });
  addEventListener("pageshow", function () {
    [drawer, document.getElementById("__search")].forEach(function (toggle) {
      if (toggle && toggle.checked) toggle.click();
    });
  });
  update();
})();
