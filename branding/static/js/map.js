/* Maps with Leaflet (served from static/vendor): the map page and the small maps of detail pages.
   The map's box is in the page from the start (its height is in the stylesheet), so nothing
   moves when Leaflet arrives. Markers come first and are clustered where they crowd (Leaflet.
   markercluster), so a thumb opens the place it meant. The places are read from the list in the
   page (no request); tiles are requested once the markers are drawn, so a slow tile server
   delays only them. Controls speak the page's language; an opened popup takes focus, and gives
   it back to its marker on closing. */
(function () {
  "use strict";
  var CENTRE = [2.58, 98.27]; // Salak, the regency's capital

  function words(el, name) { return el.getAttribute("data-label-" + name) || ""; }

  /* Leaflet stops the download of a tile it drops (off the screen, or of another zoom) by
     pointing the tile at a data: image, which the Content-Security-Policy refuses (images come
     from this site and the tile server only). Removing the address stops it just as well. */
  var Tiles = null;
  function tileLayer(url, options) {
    Tiles = Tiles || L.TileLayer.extend({
      _abortLoading: function () {
        for (var key in this._tiles) {
          var tile = this._tiles[key];
          if (tile.coords.z === this._tileZoom || tile.el.complete) continue;
          tile.el.onload = tile.el.onerror = L.Util.falseFn;
          tile.el.removeAttribute("src");
          L.DomUtil.remove(tile.el);
          delete this._tiles[key];
          this.fire("tileabort", { tile: tile.el, coords: tile.coords });
        }
      },
      _removeTile: function (key) {
        var tile = this._tiles[key];
        if (!tile) return;
        tile.el.onload = tile.el.onerror = L.Util.falseFn;
        tile.el.removeAttribute("src");
        return L.GridLayer.prototype._removeTile.call(this, key);
      },
      _tileReady: function (coords, err, tile) {
        if (!this._map || (tile && !tile.getAttribute("src"))) return;
        return L.GridLayer.prototype._tileReady.call(this, coords, err, tile);
      }
    });
    return new Tiles(url, options);
  }

  /* Tiles come last: the markers are already drawn, and a slow tile server delays only them. */
  function addTiles(map, el) {
    var url = el.getAttribute("data-tiles");
    if (!url) return;
    tileLayer(url, { attribution: el.getAttribute("data-attribution") || "", maxZoom: 18 }).addTo(map);
  }

  /* A map with its controls in the page's language. */
  function makeMap(el, options) {
    Array.prototype.forEach.call(el.querySelectorAll(".map-status, .map-preview"), function (shown) {
      shown.parentNode.removeChild(shown);  // the status, and the server's sketch of the pins
    });
    var map = L.map(el, Object.assign({ scrollWheelZoom: false, zoomControl: false, attributionControl: false, maxZoom: 18,
      fadeAnimation: false }, options));  // tiles appear at once: less work on a slow phone
    L.control.zoom({ zoomInTitle: words(el, "zoom-in"), zoomOutTitle: words(el, "zoom-out") }).addTo(map);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
    map.on("popupopen", function (event) {
      var box = event.popup.getElement();
      var close = box && box.querySelector(".leaflet-popup-close-button");
      if (close) {
        close.setAttribute("aria-label", words(el, "close"));
        close.setAttribute("title", words(el, "close"));
      }
      var first = box && box.querySelector(".leaflet-popup-content a");
      if (first) first.focus();
    });
    el.addEventListener("keydown", function (event) {  // Escape closes the popup one is in
      var open = map._popup && map._popup.getElement();
      if (event.key === "Escape" && open && open.contains(document.activeElement)) map.closePopup();
    });
    map.on("popupclose", function (event) {
      var source = event.popup._source;
      var icon = source && source.getElement ? source.getElement() : null;
      var content = event.popup.getElement();
      var active = document.activeElement;
      if (icon && (active === document.body || (content && content.contains(active)))) icon.focus();
    });
    return map;
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
    var content = document.createElement("div");
    group.forEach(function (props) {
      var title = document.createElement("strong");
      var link = document.createElement("a");
      link.href = props.url;
      link.textContent = props.name;
      title.appendChild(link);
      content.appendChild(title);
      [props.category, props.when].forEach(function (text) {
        if (!text) return;
        var line = document.createElement("p");
        line.textContent = text;
        content.appendChild(line);
      });
    });
    return content;
  }

  function groupBySpot(features) {
    var groups = {};
    var order = [];
    features.forEach(function (feature) {
      var key = feature.geometry.coordinates.join(",");
      if (!groups[key]) {
        groups[key] = { places: [], ids: [] };
        order.push(key);
      }
      groups[key].places.push(feature.properties);
      groups[key].ids.push(feature.id);
    });
    return order.map(function (key) {
      var lnglat = key.split(",").map(Number);
      return { latlng: [lnglat[1], lnglat[0]], places: groups[key].places, ids: groups[key].ids };
    });
  }

  /* A cluster says how many places it holds, and what pressing it does. */
  function clusterIcon(el) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? 40 : 48;
      var label = words(el, "cluster").replace("{count}", count);
      return L.divIcon({
        className: "cluster",
        html: '<span aria-hidden="true">' + count + '</span><span class="visually-hidden">' + label + "</span>",
        iconSize: [size, size]
      });
    };
  }

  /* Each place in the list below gets a button that shows it on the map, its popup open. */
  function showButton(el, map, layer, pinned, id) {
    var item = document.getElementById(id);
    if (!item || item.querySelector(".show-on-map")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button show-on-map";
    button.textContent = words(el, "show");
    button.setAttribute("aria-describedby", id + "-name");
    button.addEventListener("click", function () {
      el.scrollIntoView({ block: "center" });
      var open = function () { pinned.openPopup(); };
      if (layer.zoomToShowLayer) layer.zoomToShowLayer(pinned, open);
      else { map.setView(pinned.getLatLng(), Math.max(map.getZoom(), 14)); open(); }
    });
    item.appendChild(document.createTextNode(" "));
    item.appendChild(button);
  }

  /* The places are in the page already (the list below the map): no request for them. */
  function placesInList() {
    return Array.prototype.map.call(document.querySelectorAll(".place-list li[data-lat]"), function (li) {
      var link = li.querySelector("a");
      return {
        id: li.id,
        geometry: { coordinates: [Number(li.getAttribute("data-lng")), Number(li.getAttribute("data-lat"))] },
        properties: {
          kind: li.getAttribute("data-kind"),
          name: link.textContent,
          url: link.href,
          category: li.getAttribute("data-category"),
          when: li.getAttribute("data-when")
        }
      };
    });
  }

  function placesMap(el) {
    var map = makeMap(el, {}).setView(CENTRE, 10);
    var layer = L.markerClusterGroup ? L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 48,
      spiderfyOnMaxZoom: true,
      disableClusteringAtZoom: 16,
      iconCreateFunction: clusterIcon(el)
    }) : L.featureGroup();
    var spots = groupBySpot(placesInList());
    spots.forEach(function (spot) {
      var names = spot.places.map(function (p) { return p.name; }).join(" · ");
      var pinned = marker(spot.latlng, spot.places[0].kind, names).bindPopup(popup(spot.places));
      layer.addLayer(pinned);
      spot.ids.forEach(function (id) { showButton(el, map, layer, pinned, id); });
    });
    layer.addTo(map);
    if (spots.length) map.fitBounds(L.latLngBounds(spots.map(function (s) { return s.latlng; })), { padding: [24, 24], maxZoom: 14 });
    addTiles(map, el);
    el.setAttribute("data-ready", "true");
  }

  function miniMap(el) {
    var latlng = [parseFloat(el.getAttribute("data-lat")), parseFloat(el.getAttribute("data-lng"))];
    el.hidden = false;
    var map = makeMap(el, {}).setView(latlng, 14);
    marker(latlng, el.getAttribute("data-kind"), el.getAttribute("data-name")).addTo(map);
    addTiles(map, el);
    el.setAttribute("data-ready", "true");
  }

  window.PakpakMap = { places: placesMap, mini: miniMap };
  var boxes = document.querySelectorAll("[data-map=places]");
  if (!window.L) {  // Leaflet did not arrive: the list of places is the page
    Array.prototype.forEach.call(boxes, function (el) {
      var status = el.querySelector(".map-status");
      if (status) status.textContent = words(el, "failed");
    });
    return;
  }
  Array.prototype.forEach.call(boxes, placesMap);
})();
