// Conflict screen of the action plan: a "Use my value" button next to each unsaved value
// copies it into the field above. Without JavaScript the value is shown to copy by hand.
(function () {
  "use strict";
  function useMine(note) {
    var field = document.getElementById("id_" + note.dataset.field);
    if (!field) return;
    if (field.type === "checkbox") {
      field.checked = note.dataset.raw === "True" || note.dataset.raw === "on" || note.dataset.raw === "true";
    } else {
      field.value = note.dataset.raw;
    }
    field.focus();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".conflict-mine[data-field]").forEach(function (note) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm btn-outline-dark ms-2 d-print-none";
      button.textContent = "Use my value";
      var label = note.dataset.label;
      if (label) {
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = " for " + label;
        button.appendChild(hidden);
      }
      button.addEventListener("click", function () { useMine(note); });
      note.appendChild(button);
    });
  });
})();
