/* Maps with Leaflet (served from static/vendor): the map page and the small maps of detail pages.
   The map's box is in the page from the start (its height is in the stylesheet), so nothing
   moves when Leaflet arrives; the server's sketch stays in it until the first markers are drawn.
   The map page asks the GeoJSON for the box and zoom in view (again after each move, the
   latest answer only): the server gathers crowded places into clusters, and Leaflet.
   markercluster keeps the few hundred markers of one answer from hiding each other, so a thumb
   opens the place it meant. A cluster says how many places it holds; pressing it zooms in.
   Tiles are requested once the markers are drawn, so a slow tile server delays only them.
   Controls speak the page's language; an opened popup takes focus, and gives it back to its
   marker on closing. */
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
  function removeSketch(el) {
    Array.prototype.forEach.call(el.querySelectorAll(".map-status, .map-preview"), function (shown) {
      shown.parentNode.removeChild(shown);  // the status, and the server's sketch of the pins
    });
  }

  function makeMap(el, options, keepSketch) {
    if (!keepSketch) removeSketch(el);
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

  function clusterLabel(el, count) {
    return words(el, "cluster").replace("{count}", count);
  }

  function countIcon(el, count) {
    var size = count < 10 ? 40 : (count < 1000 ? 48 : 56);
    return L.divIcon({
      className: "cluster",
      html: '<span aria-hidden="true">' + count + '</span><span class="visually-hidden">' + clusterLabel(el, count) + "</span>",
      iconSize: [size, size]
    });
  }

  /* Markercluster's clusters count the places of the server's clusters they hold too. */
  function clusterIcon(el) {
    return function (cluster) {
      var count = cluster.getAllChildMarkers().reduce(function (sum, m) { return sum + (m.options.count || 1); }, 0);
      return countIcon(el, count);
    };
  }

  /* A cluster of the server's answer: its count, and a press (click or Enter) zooms in. */
  function serverCluster(el, map, feature) {
    var c = feature.geometry.coordinates;
    var latlng = [c[1], c[0]];
    var count = feature.properties.count;
    var pinned = L.marker(latlng, { icon: countIcon(el, count), title: clusterLabel(el, count), keyboard: true, count: count });
    var closer = function () { map.setView(latlng, Math.min(map.getZoom() + 2, 18)); };
    pinned.on("click", closer);
    pinned.on("keypress", function (event) { if (event.originalEvent.key === "Enter") closer(); });
    return pinned;
  }

  /* Each place in the list below gets a button that shows it on the map, its popup open. */
  function showButton(el, map, state, item) {
    if (item.querySelector(".show-on-map")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button show-on-map";
    button.textContent = words(el, "show");
    button.setAttribute("aria-describedby", item.id + "-name");
    button.addEventListener("click", function () {
      el.scrollIntoView({ block: "center" });
      var latlng = [Number(item.getAttribute("data-lat")), Number(item.getAttribute("data-lng"))];
      state.opening = item.id;
      if (!state.openPending()) map.setView(latlng, Math.max(map.getZoom(), CLOSE));
    });
    item.appendChild(document.createTextNode(" "));
    item.appendChild(button);
  }

  var CLOSE = 15;  // from this zoom on, the server answers places as they are (up to its limit)
  var WAIT = 250;  // after a move, how long the map waits for the next before asking

  /* The GeoJSON's address for the box and zoom in view, with the page's filters. */
  function dataUrl(el, map) {
    var box = map.getBounds();
    var clamp = function (v, limit) { return Math.max(-limit, Math.min(limit, v)).toFixed(5); };
    var url = new URL(el.getAttribute("data-geojson"), window.location.href);
    url.searchParams.set("bbox", [clamp(box.getWest(), 180), clamp(box.getSouth(), 90),
      clamp(box.getEast(), 180), clamp(box.getNorth(), 90)].join(","));
    var zoom = Math.round(map.getZoom());
    if (zoom < CLOSE) url.searchParams.set("zoom", String(zoom));
    return url.toString();
  }

  function firstView(el, map) {
    var bounds = (el.getAttribute("data-bounds") || "").split(",").map(Number);
    if (bounds.length === 4 && bounds.every(isFinite)) {
      map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: [24, 24], maxZoom: 14 });
    } else {
      map.setView(CENTRE, 10);
    }
  }

  function placesMap(el) {
    var map = makeMap(el, {}, true);
    var layer = L.markerClusterGroup ? L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 48,
      spiderfyOnMaxZoom: true,
      disableClusteringAtZoom: 16,
      iconCreateFunction: clusterIcon(el)
    }) : L.featureGroup();
    layer.addTo(map);
    var shown = {};  // markers drawn, by key: kept across answers, so an open popup stays open
    var byPlace = {};  // the marker of each place id ("destination-12")
    var asked = 0;
    var request = null;
    var timer = null;
    var drawn = false;
    var state = { opening: null };
    state.openPending = function () {
      var pinned = state.opening && byPlace[state.opening];
      if (!pinned) return false;
      state.opening = null;
      var open = function () { pinned.openPopup(); };
      if (layer.zoomToShowLayer) layer.zoomToShowLayer(pinned, open);
      else open();
      return true;
    };

    function draw(collection) {
      var next = {};
      var places = {};
      var points = (collection.features || []).filter(function (f) { return !f.properties.cluster; });
      groupBySpot(points).forEach(function (spot) {
        var key = spot.ids.join("|");
        var names = spot.places.map(function (p) { return p.name; }).join(" · ");
        next[key] = shown[key] || marker(spot.latlng, spot.places[0].kind, names).bindPopup(popup(spot.places));
        spot.ids.forEach(function (id) { places[id] = next[key]; });
      });
      (collection.features || []).forEach(function (f) {
        if (!f.properties.cluster) return;
        var key = "cluster:" + f.geometry.coordinates.join(",") + ":" + f.properties.count;
        next[key] = shown[key] || serverCluster(el, map, f);
      });
      var gone = Object.keys(shown).filter(function (key) { return !next[key]; }).map(function (key) { return shown[key]; });
      var added = Object.keys(next).filter(function (key) { return !shown[key]; }).map(function (key) { return next[key]; });
      var hadFocus = el.contains(document.activeElement) && document.activeElement !== el;
      if (layer.removeLayers) { layer.removeLayers(gone); layer.addLayers(added); }
      else { gone.forEach(function (m) { layer.removeLayer(m); }); added.forEach(function (m) { layer.addLayer(m); }); }
      shown = next;
      byPlace = places;
      if (hadFocus && !el.contains(document.activeElement)) el.focus();  // a pressed cluster went
      if (!drawn) {
        drawn = true;
        removeSketch(el);
        addTiles(map, el);
        el.setAttribute("data-ready", "true");
      }
      state.openPending();
    }

    function ask() {
      var number = ++asked;
      if (request) request.abort();  // a newer view: the older answer is no longer wanted
      request = window.AbortController ? new AbortController() : null;
      fetch(dataUrl(el, map), { signal: request ? request.signal : undefined, headers: { Accept: "application/geo+json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (collection) { if (number === asked) draw(collection); })
        .catch(function (error) {
          if (number !== asked || (error && error.name === "AbortError")) return;
          if (!drawn) draw({ features: [] });  // the list below still has every place
        });
    }

    firstView(el, map);
    map.on("moveend", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT);
    });
    ask();
    Array.prototype.forEach.call(document.querySelectorAll(".place-list li[data-lat]"), function (item) {
      showButton(el, map, state, item);
    });
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
