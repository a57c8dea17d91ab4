// Progress dashboard: a "select every teacher on this page" checkbox for reminders.
// Without JavaScript, tick teachers one by one or send to "every teacher matching the filter".
(function () {
  "use strict";
  function init() {
    var slot = document.querySelector(".js-select-all-slot");
    var rows = Array.prototype.slice.call(document.querySelectorAll(".js-select-row"));
    if (!slot || !rows.length) return;
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "form-check-input";
    box.id = "select-all-rows";
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = box.id;
    label.textContent = "Select every teacher on this page";
    slot.appendChild(box);
    slot.appendChild(label);
    box.addEventListener("change", function () {
      rows.forEach(function (row) { row.checked = box.checked; });
    });
    rows.forEach(function (row) {
      row.addEventListener("change", function () {
        var ticked = rows.filter(function (r) { return r.checked; }).length;
        box.checked = ticked === rows.length;
        box.indeterminate = ticked > 0 && ticked < rows.length;
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
