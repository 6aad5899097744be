/* The offline page: list the pages this device keeps (the service worker's "pages" set),
   newest first, with their titles. */
(function () {
  "use strict";
  var list = document.querySelector("[data-saved-pages]");
  var none = document.querySelector("[data-saved-none]");
  var unsupported = document.querySelector("[data-saved-unsupported]");
  if (!list) return;
  if (!("caches" in window) || !("serviceWorker" in navigator)) {
    if (unsupported) unsupported.hidden = false;
    return;
  }
  var lang = document.documentElement.lang;

  function describe(request) {
    return caches.match(request).then(function (response) {
      return response ? response.text() : "";
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var title = (doc.title || request.url).split(" · ")[0];
      return { url: request.url, title: title, lang: doc.documentElement.lang };
    });
  }

  caches.open("pages-v1").then(function (cache) {
    return cache.keys();
  }).then(function (requests) {
    var pages = requests.filter(function (r) { return !/\/offline$|\.geojson/.test(r.url); });
    return Promise.all(pages.reverse().map(describe));
  }).then(function (pages) {
    pages.sort(function (a, b) { return (a.lang === lang ? 0 : 1) - (b.lang === lang ? 0 : 1); });
    pages.forEach(function (p) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.title;  /* text, never HTML */
      if (p.lang && p.lang !== lang) link.lang = p.lang;
      var where = document.createElement("span");
      where.className = "muted";
      where.textContent = new URL(p.url).pathname;
      item.appendChild(link);
      item.appendChild(where);
      list.appendChild(item);
    });
    if (none) none.hidden = pages.length > 0;
  }).catch(function () {
    if (unsupported) unsupported.hidden = false;
  });
})();
