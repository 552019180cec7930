// Puts today's date, in the page's language, into the print stamp ("Utskriven {date}. …").
(function () {
  var stamp = document.querySelector(".handbook-print-stamp");
  if (!stamp) return;
  function fill() {
    var date = new Date().toLocaleDateString(document.documentElement.lang, {
      year: "numeric", month: "long", day: "numeric"
    });
    stamp.textContent = stamp.getAttribute("data-template").replace("{date}", date);
  }
  fill();
  window.addEventListener("beforeprint", fill);
})();
