/* Every page: the menu button on phones, suggestions loaded when a search box is first used,
   and offline reading (the service worker). Without this script the menu stays open (the
   <noscript> stylesheet), search forms still work, and nothing is kept offline. */
(function () {
  "use strict";
  var script = document.currentScript;

  var masthead = document.querySelector("[data-masthead]");
  var button = document.querySelector("[data-menu-button]");
  if (masthead && button) {
    var setOpen = function (open) {
      masthead.classList.toggle("is-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    };
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  /* Suggestions: search.js is fetched only once someone starts using a search box. */
  var searchJs = script && script.getAttribute("data-search-js");
  var loading = false;
  function loadSuggestions(event) {
    if (loading || !searchJs || !event.target.matches || !event.target.matches("input[data-suggest]")) return;
    loading = true;
    var tag = document.createElement("script");
    tag.src = searchJs;
    document.head.appendChild(tag);
  }
  document.addEventListener("focusin", loadSuggestions);

  /* Offline reading: the worker keeps the pages and pictures opened from now on; the page
     that registered it is kept too. */
  var worker = script && script.getAttribute("data-sw");
  if (worker && "serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      var first = !navigator.serviceWorker.controller;
      navigator.serviceWorker.register(worker, { scope: "/" }).then(function () {
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        if (!first || !registration.active) return;
        var pictures = Array.prototype.map.call(document.images, function (img) { return img.currentSrc || img.src; });
        registration.active.postMessage({ page: location.href, pictures: pictures });
      }).catch(function () {});
    });
  }
})();
