/* Harbour: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  document.documentElement.classList.replace("no-js", "js");

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
