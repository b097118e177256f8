/* Show hubs on a Leaflet map (served by this site). The map is an extra: the page lists every
   hub with its address, so without this script or without tiles nothing is lost. */
(function () {
  "use strict";

  if (!window.L) {
    return;
  }
  document.querySelectorAll("[data-hub-map]").forEach(function (container) {
    var settingsElement = document.getElementById(container.getAttribute("data-hub-map"));
    if (!settingsElement) {
      return;
    }
    var settings = JSON.parse(settingsElement.textContent);
    container.hidden = false;
    var map = window.L.map(container, { scrollWheelZoom: false });
    window.L.tileLayer(settings.tiles, {
      attribution: settings.attribution,
      maxZoom: 18,
    }).addTo(map);
    var bounds = [];
    settings.markers.forEach(function (hub) {
      var position = [hub.latitude, hub.longitude];
      bounds.push(position);
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = hub.url;
      link.textContent = hub.name;
      var address = document.createElement("p");
      address.textContent = hub.address;
      popup.appendChild(link);
      popup.appendChild(address);
      // Pointer-only markers: the list beside the map links every hub with a full-size target
      // (WCAG 2.5.8's "equivalent" exception), so markers that sit close together do not add
      // tiny keyboard stops.
      window.L.marker(position, { title: hub.name, alt: hub.name, keyboard: false })
        .bindPopup(popup)
        .addTo(map);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 15);
    } else {
      map.fitBounds(bounds, { padding: [30, 30] });
    }
  });
})();
