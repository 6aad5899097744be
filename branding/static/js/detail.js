/* Detail pages: copy a page's link, and load the small map only when the visitor asks for it. */
(function () {
  "use strict";

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (key) { el.setAttribute(key, attrs[key]); });
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-minimap]"), function (section) {
    var button = section.querySelector(".show-map");
    var el = section.querySelector(".minimap");
    if (!button || !el) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      load("link", { rel: "stylesheet", href: section.getAttribute("data-leaflet-css") });
      load("script", { src: section.getAttribute("data-leaflet-js") })
        .then(function () { return load("script", { src: section.getAttribute("data-map-js") }); })
        .then(function () {
          window.PakpakMap.mini(el);
          button.hidden = true;
        })
        .catch(function () { button.disabled = false; });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    if (!navigator.clipboard) return;
    var status = button.closest("section").querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (status) status.textContent = button.getAttribute("data-copied");
      });
    });
  });
})();
