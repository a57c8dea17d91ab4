// Partnership Planner: small progressive enhancements. Pages work without this file.
//
// Draft keeper: every <textarea> in a posting form that is not already autosaved
// (autosave.js handles [data-autosave-url] containers) keeps a copy of what is typed in
// localStorage. If the text never reached the server — the page was closed or reloaded,
// the session expired and the post went to the sign-in page, the network failed — it is
// put back the next time the same form is shown, with a note saying so. A copy is
// forgotten once the server confirmed the post (a success message on the next page) or
// showed the form again with the text in it (a validation error).
(function () {
  "use strict";

  var PREFIX = "draft:";
  var PENDING = "draft-pending";
  var MAX_AGE_MS = 7 * 24 * 3600 * 1000;

  function storage(kind) {
    try {
      var s = window[kind];
      s.setItem("__probe", "1");
      s.removeItem("__probe");
      return s;
    } catch (e) {
      return null;
    }
  }
  var local = storage("localStorage");
  var session = storage("sessionStorage");
  if (!local) {
    return;
  }

  function keyFor(form, field) {
    var action = form.getAttribute("action") || window.location.pathname;
    return PREFIX + action + "#" + (field.name || field.id);
  }

  function read(key) {
    try {
      var entry = JSON.parse(local.getItem(key));
      if (entry && Date.now() - entry.at < MAX_AGE_MS) {
        return entry;
      }
    } catch (e) {
      /* unreadable entry: ignore */
    }
    local.removeItem(key);
    return null;
  }

  function settlePending() {
    // What happened to the form posted from the previous page?
    if (!session) {
      return;
    }
    var pending;
    try {
      pending = JSON.parse(session.getItem(PENDING) || "[]");
    } catch (e) {
      pending = [];
    }
    session.removeItem(PENDING);
    var confirmed =
      document.querySelector(".messages .alert-success") || document.querySelector(".is-invalid, .invalid-feedback");
    if (confirmed) {
      pending.forEach(function (key) {
        local.removeItem(key);
      });
    }
  }

  function notice(field) {
    var note = document.createElement("p");
    note.className = "draft-restored small";
    note.setAttribute("role", "status");
    note.textContent =
      "We put back text you typed earlier that may not have been saved. Check it, then save or send it.";
    field.insertAdjacentElement("afterend", note);
  }

  function keep(form) {
    var fields = form.querySelectorAll("textarea");
    Array.prototype.forEach.call(fields, function (field) {
      if (field.closest("[data-autosave-url]") || field.readOnly || field.disabled) {
        return;
      }
      var key = keyFor(form, field);
      var entry = read(key);
      // Put a draft back only over the very text it was typed on top of, so it never
      // hides something saved since (by someone else, or from another device).
      if (entry && entry.value !== field.value && entry.base === field.defaultValue && field.value === field.defaultValue) {
        field.value = entry.value;
        notice(field);
      }
      field.addEventListener("input", function () {
        if (field.value === field.defaultValue) {
          local.removeItem(key);
        } else {
          local.setItem(key, JSON.stringify({ value: field.value, base: field.defaultValue, at: Date.now() }));
        }
      });
    });
    form.addEventListener("submit", function () {
      if (!session) {
        return;
      }
      var keys = Array.prototype.map.call(form.querySelectorAll("textarea"), function (field) {
        return keyFor(form, field);
      });
      session.setItem(PENDING, JSON.stringify(keys));
    });
  }

  function start() {
    settlePending();
    Array.prototype.forEach.call(document.querySelectorAll("form[method=post], form[method=POST]"), keep);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
