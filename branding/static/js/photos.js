/* Photo pages: say at once when chosen files are too many or too large (before a slow
   upload starts), and show that an upload is under way. The server checks everything
   again. (confirm.js asks before deleting.) */
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll("form[data-max-bytes]"), function (form) {
    var input = form.querySelector("input[type=file]");
    var warning = form.querySelector(".photo-size-warning");
    if (!input || !warning) return;
    var maxBytes = Number(form.getAttribute("data-max-bytes"));
    var maxFiles = Number(form.getAttribute("data-max-files"));

    function tooMuch() {
      var files = Array.prototype.slice.call(input.files || []);
      return files.length > maxFiles || files.some(function (file) { return file.size > maxBytes; });
    }

    input.addEventListener("change", function () {
      var bad = tooMuch();
      warning.textContent = bad ? warning.getAttribute("data-message") : "";
      warning.hidden = !bad;
    });
    form.addEventListener("submit", function (event) {
      if (tooMuch()) {
        event.preventDefault();
        warning.textContent = warning.getAttribute("data-message");
        warning.hidden = false;
        return;
      }
      var status = form.querySelector(".upload-status");
      var button = form.querySelector("button[type=submit]");
      if (status) status.textContent = status.getAttribute("data-message");
      if (button) button.disabled = true; // one upload at a time: no double submission
    });
  });

  // Back from the next page, the browser may restore this one as it was left: submit disabled.
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-max-bytes] button[type=submit]"),
      function (button) { button.disabled = false; });
  });
})();
