/* Search boxes: suggest matching names while typing (site.js loads this when a box is first
   focused). Without this script the forms still work. */
(function () {
  "use strict";
  var counter = 0;

  function enhance(input) {
    var box = input.parentNode;
    var list = document.createElement("ul");
    var timer = null;
    var request = null;
    var active = -1;
    list.id = "suggestions-" + (++counter);
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    box.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      Array.prototype.forEach.call(items, function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    function show(suggestions) {
      close();
      suggestions.forEach(function (s, i) {
        var item = document.createElement("li");
        var kind = document.createElement("span");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-url", s.url);
        item.textContent = s.title;  /* text, never HTML */
        kind.className = "kind";
        kind.textContent = s.label;
        item.appendChild(kind);
        item.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = s.url; });
        list.appendChild(item);
      });
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2 || !window.fetch) { close(); return; }
      if (request) request.abort();
      request = window.AbortController ? new AbortController() : null;
      var url = input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q);
      fetch(url, { signal: request ? request.signal : undefined, headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) show(data.suggestions || []); })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); choose(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); choose(active - 1); }
      else if (e.key === "Escape") { e.preventDefault(); close(); }  /* keep the words typed */
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        window.location.href = options()[active].getAttribute("data-url");
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]:not([role=combobox])"), enhance);
    /* Words typed while this script was on its way: suggest for them now. */
    var typing = document.activeElement;
    if (typing && typing.matches("input[data-suggest]") && typing.value.trim().length >= 2) {
      typing.dispatchEvent(new Event("input"));
    }
  }

  window.PakpakSuggest = { enhanceAll: enhanceAll };
  enhanceAll();
})();
