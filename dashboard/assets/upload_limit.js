// An upload area (dashboard/server/uploads.py limited_upload) whose file is larger than the server takes:
// dcc.Upload's max_size makes the browser drop it without sending anything, silently. This shows
// the refusal the server rendered into the area beforehand (in the page's language); a file that
// fits hides it again. No text lives here.
(function () {
  "use strict";
  function check(target, files) {
    var area = target && target.closest ? target.closest(".upload-limit") : null;
    if (!area || !files || !files.length) {
      return;
    }
    var max = Number(area.getAttribute("data-max-bytes"));
    var tooLarge = Array.prototype.some.call(files, function (file) { return file.size > max; });
    var notice = area.querySelector(".upload-too-large");
    if (notice) {
      notice.hidden = !tooLarge;
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.type === "file") {
      check(event.target, event.target.files);
    }
  }, true);
  document.addEventListener("drop", function (event) {
    check(event.target, event.dataTransfer && event.dataTransfer.files);
  }, true);
})();
