/* Harbour: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  document.documentElement.classList.replace("no-js", "js");

  // GOV.UK pattern: after a form is sent back with errors, take the reader to the summary.
  var errorSummary = document.querySelector("[data-error-summary]");
  if (errorSummary) {
    errorSummary.focus();
  }

  // Small screens: fold the main navigation behind a "Menu" button.
  document.querySelectorAll(".navigation").forEach(function (navigation) {
    var toggle = navigation.querySelector(".navigation__toggle");
    if (!toggle) {
      return;
    }
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var expanded = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!expanded));
    });
  });
})();
