// The workbench's editor: Ctrl+Enter (or Cmd+Enter) saves the suggestion and opens the next string.
(function () {
  "use strict";
  var form = document.querySelector("[data-save-next]");
  if (!form) { return; }
  var next = form.querySelector("[data-next]");
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && next) {
      event.preventDefault();
      next.click();
    }
  });
}());
