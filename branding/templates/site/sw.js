/* Offline reading for Pesona Pakpak Bharat (made by branding/site/offline.py).
   Pages: from the network when it answers, else the copy kept when the visitor last opened
   them, else the offline page. Pictures and fingerprinted files: kept copy first (their
   names never change). Each kept set is bounded in entries and bytes, oldest out first. */
"use strict";
var VERSION = {{ version|tojson }};
var SETTINGS = {{ settings|tojson }};
var ASSETS = "assets-" + VERSION;
var PAGES = "pages-v1";
var PICTURES = "pictures-v1";
var PRIVATE = new RegExp(SETTINGS.private);

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(ASSETS).then(function (cache) {
    return cache.addAll(SETTINGS.precache);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("assets-") === 0 && name !== ASSETS;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function size(response) {
  var length = Number(response.headers.get("Content-Length"));
  return length > 0 ? Promise.resolve(length) : response.clone().blob().then(function (b) { return b.size; });
}

/* Keep a set within its limits: the least recently stored entries go first. */
function trim(name, limits) {
  return caches.open(name).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return cache.match(request).then(function (response) { return response ? size(response) : 0; });
      })).then(function (sizes) {
        var total = sizes.reduce(function (a, b) { return a + b; }, 0);
        var count = requests.length;
        var doomed = [];
        for (var i = 0; i < requests.length && (count > limits.entries || total > limits.bytes); i++) {
          doomed.push(cache.delete(requests[i]));
          count -= 1;
          total -= sizes[i];
        }
        return Promise.all(doomed);
      });
    });
  });
}

function keep(name, limits, request, response) {
  if (!response || !response.ok || response.type !== "basic") return Promise.resolve();
  if (/no-store|private/.test(response.headers.get("Cache-Control") || "")) return Promise.resolve();
  return caches.open(name).then(function (cache) {
    return cache.put(request, response);
  }).then(function () { return trim(name, limits); });
}

function offlinePage(url) {
  var lang = url.pathname.split("/")[1];
  var page = SETTINGS.offline[lang] || SETTINGS.offline.id;
  return caches.match(page).then(function (response) {
    return response || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } });
  });
}

function page(event, url) {
  var request = event.request;
  return fetch(request).then(function (response) {
    if (!PRIVATE.test(url.pathname)) event.waitUntil(keep(PAGES, SETTINGS.limits.pages, request, response.clone()));
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreVary: true }).then(function (kept) {
      return kept || offlinePage(url);
    });
  });
}

function keptFirst(event, name, limits) {
  return caches.match(event.request).then(function (kept) {
    if (kept) return kept;
    return fetch(event.request).then(function (response) {
      event.waitUntil(keep(name, limits, event.request, response.clone()));
      return response;
    });
  });
}

/* The first page a visitor opens arrives before the worker: the page's script asks for it
   (and its pictures, from the browser's cache) to be kept too. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (!data.page) return;
  var url = new URL(data.page, self.location.href);
  if (url.origin !== self.location.origin || PRIVATE.test(url.pathname)) return;
  var pictures = (data.pictures || []).filter(function (src) {
    return new URL(src, self.location.href).pathname.indexOf("/media/") === 0;
  });
  event.waitUntil(Promise.all([
    fetch(url.href, { credentials: "same-origin" }).then(function (response) {
      return keep(PAGES, SETTINGS.limits.pages, new Request(url.href), response);
    }),
  ].concat(pictures.map(function (src) {
    return fetch(src).then(function (response) {
      return keep(PICTURES, SETTINGS.limits.pictures, new Request(src), response);
    });
  }))).catch(function () {}));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (SETTINGS.logout.indexOf(url.pathname) !== -1) event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  } else if (url.pathname.indexOf("/media/") === 0) {
    event.respondWith(keptFirst(event, PICTURES, SETTINGS.limits.pictures));
  } else if (/^\/(static|theme|icons)\//.test(url.pathname)) {
    event.respondWith(keptFirst(event, ASSETS, SETTINGS.limits.assets));
  } else if (/\/map\/data\.geojson$/.test(url.pathname)) {
    event.respondWith(page(event, url));
  }
});
