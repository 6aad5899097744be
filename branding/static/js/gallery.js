/* Detail pages with photos: open a photo large in a modal dialog (a native <dialog>: focus
   stays inside and Escape closes it), step through the page's photos with buttons or the
   arrow keys, and return focus to the photo that opened it. Without this script each photo
   links to its large file. Words come from this script tag's data attributes. */
(function () {
  "use strict";
  var script = document.currentScript;
  var links = Array.prototype.slice.call(document.querySelectorAll("[data-gallery] a[data-lightbox]"));
  if (!links.length || typeof HTMLDialogElement !== "function") return;

  function words(name) { return script.getAttribute("data-" + name) || ""; }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) node.textContent = text;
    return node;
  }

  var dialog = el("dialog", { "class": "lightbox", "aria-labelledby": "lightbox-count" });
  var bar = el("div", { "class": "lightbox-bar" });
  var count = el("p", { "class": "lightbox-count", id: "lightbox-count", "aria-live": "polite" });
  var close = el("button", { type: "button" }, words("close"));
  var figure = el("figure");
  var image = el("img", { alt: "" });
  var caption = el("figcaption");
  var nav = el("div", { "class": "lightbox-nav" });
  var previous = el("button", { type: "button" }, "← " + words("previous"));
  var next = el("button", { type: "button" }, words("next") + " →");
  bar.appendChild(count);
  bar.appendChild(close);
  figure.appendChild(image);
  figure.appendChild(caption);
  nav.appendChild(previous);
  nav.appendChild(next);
  dialog.appendChild(bar);
  dialog.appendChild(figure);
  dialog.appendChild(nav);
  document.body.appendChild(dialog);

  var current = 0;
  var opener = null;

  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    image.removeAttribute("srcset");
    image.src = link.getAttribute("href");
    if (link.getAttribute("data-srcset")) {
      image.setAttribute("srcset", link.getAttribute("data-srcset"));
      image.setAttribute("sizes", "100vw");
    }
    image.alt = link.getAttribute("data-alt") || "";
    caption.textContent = link.getAttribute("data-caption") || "";
    caption.hidden = !caption.textContent;
    count.textContent = words("count").replace("{number}", current + 1).replace("{count}", links.length);
    previous.hidden = next.hidden = links.length < 2;
  }

  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) return;
      event.preventDefault();
      opener = link;
      show(index);
      dialog.showModal();
      close.focus();
    });
  });
  close.addEventListener("click", function () { dialog.close(); });
  previous.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); }
    if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); }
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog || event.target === figure) dialog.close();  /* the dark area */
  });
  dialog.addEventListener("close", function () {
    image.removeAttribute("src");
    if (opener) opener.focus();
  });
})();
