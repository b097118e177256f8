/* Keep open/closed lines true on cached pages. Each line carries the lines for the coming days
   (data-segments: [[from ISO time, text, open?], ...] and "until"), computed by the server; we
   show the one for now, and look again every minute. Past "until" we leave the line alone. */
(function () {
  "use strict";

  function refresh(element) {
    var data;
    try {
      data = JSON.parse(element.getAttribute("data-segments"));
    } catch (error) {
      return;
    }
    var now = Date.now();
    if (!data || !data.segments || now > Date.parse(data.until)) {
      return;
    }
    var current = null;
    data.segments.forEach(function (segment) {
      if (Date.parse(segment[0]) <= now) {
        current = segment;
      }
    });
    if (!current) {
      return;
    }
    if (element.textContent !== current[1]) {
      element.textContent = current[1];
    }
    element.classList.toggle("status--open", current[2]);
    element.classList.toggle("status--closed", !current[2]);
  }

  function refreshAll() {
    document.querySelectorAll("[data-opening-status]").forEach(refresh);
  }

  refreshAll();
  window.setInterval(refreshAll, 60 * 1000);
})();
