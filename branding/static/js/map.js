/* Maps with Leaflet (served from static/vendor): the map page and the small maps of detail pages.
   Markers come first; tiles are added after the page has loaded, so a slow or unreachable tile
   server never holds the page up, and markers work without any tiles at all. */
(function () {
  "use strict";
  var CENTRE = [2.58, 98.27]; // Salak, the regency's capital

  function addTiles(map, el) {
    var url = el.getAttribute("data-tiles");
    if (!url) return;
    var add = function () {
      L.tileLayer(url, { attribution: el.getAttribute("data-attribution") || "", maxZoom: 18 }).addTo(map);
    };
    if (document.readyState === "complete") add();
    else window.addEventListener("load", add);
  }

  function pin(kind) {
    return L.divIcon({
      className: "pin pin-" + kind,
      html: "<span></span>",
      iconSize: [24, 24],
      iconAnchor: [12, 24],
      popupAnchor: [0, -22]
    });
  }

  function marker(latlng, kind, name) {
    return L.marker(latlng, { icon: pin(kind), title: name, alt: name, keyboard: true, riseOnHover: true });
  }

  /* Build the popup with DOM calls: names come from the database and are never parsed as HTML.
     Places at the same spot (an event at a destination) share one marker and one popup. */
  function popup(group) {
    var box = document.createElement("div");
    group.forEach(function (props) {
      var title = document.createElement("strong");
      var link = document.createElement("a");
      link.href = props.url;
      link.textContent = props.name;
      title.appendChild(link);
      box.appendChild(title);
      [props.category, props.when].forEach(function (text) {
        if (!text) return;
        var line = document.createElement("p");
        line.textContent = text;
        box.appendChild(line);
      });
    });
    return box;
  }

  function groupBySpot(features) {
    var groups = {};
    var order = [];
    features.forEach(function (feature) {
      var key = feature.geometry.coordinates.join(",");
      if (!groups[key]) {
        groups[key] = [];
        order.push(key);
      }
      groups[key].push(feature.properties);
    });
    return order.map(function (key) {
      var lnglat = key.split(",").map(Number);
      return { latlng: [lnglat[1], lnglat[0]], places: groups[key] };
    });
  }

  function placesMap(el) {
    el.hidden = false;
    var legend = document.querySelector(".map-legend");
    if (legend) legend.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false }).setView(CENTRE, 10);
    addTiles(map, el);
    fetch(el.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var markers = groupBySpot(data.features).map(function (spot) {
          var names = spot.places.map(function (p) { return p.name; }).join(" · ");
          return marker(spot.latlng, spot.places[0].kind, names).bindPopup(popup(spot.places));
        });
        var layer = L.featureGroup(markers).addTo(map);
        if (markers.length) map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 14 });
        el.setAttribute("data-ready", "true");
      })
      .catch(function () { el.classList.add("map-failed"); });
  }

  function miniMap(el) {
    var latlng = [parseFloat(el.getAttribute("data-lat")), parseFloat(el.getAttribute("data-lng"))];
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false }).setView(latlng, 14);
    addTiles(map, el);
    marker(latlng, el.getAttribute("data-kind"), el.getAttribute("data-name")).addTo(map);
    el.setAttribute("data-ready", "true");
  }

  window.PakpakMap = { places: placesMap, mini: miniMap };
  if (!window.L) return; // Leaflet missing: the list of places is the page
  Array.prototype.forEach.call(document.querySelectorAll("[data-map=places]"), placesMap);
})();
