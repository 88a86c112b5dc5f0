// Wide tables scroll sideways inside Material's wrapper. A keyboard user must be
// able to reach that scroll area (WCAG 2.1.1), so an overflowing wrapper becomes
// a focusable, named region. Runs after Material has wrapped the tables.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (omslag) {
    if (omslag.scrollWidth <= omslag.clientWidth) {
      return;
    }
    var tekst = omslag.querySelector("caption");
    omslag.tabIndex = 0;
    omslag.setAttribute("role", "region");
    omslag.setAttribute("aria-label", tekst ? tekst.textContent.trim() : "Tabell som kan rulles sidelengs");
  });
});
