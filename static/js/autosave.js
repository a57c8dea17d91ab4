// Autosave for long text (server side and markup: coursework/autosave/services.py).
//
// Each container marked data-autosave-url holds the fields of one saved object
// (data-autosave-field="name"), a status line (data-autosave-status) and optionally
// hidden inputs (data-autosave-version-input) that the page's own Save button posts.
// The script saves one field per request ~1.5 s after typing stops and when a field
// loses focus, one request at a time per container, sending the version it started
// from. Unsaved text is kept in localStorage until the server confirms it, restored
// after a reload (and then re-posted, e.g. after signing in again), and a version
// conflict shows both texts instead of overwriting anything.
(function () {
  "use strict";

  var PAUSE_MS = 1500;
  var BACKOFF_MS = [2000, 4000, 8000, 15000, 30000];
  var PREFIX = "autosave:";

  function load(key) {
    try {
      var raw = window.localStorage.getItem(PREFIX + key);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function store(key, entry) {
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify(entry));
      return true;
    } catch (e) {
      return false;
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(PREFIX + key);
    } catch (e) {
      /* storage unavailable: nothing to clear */
    }
  }

  function valueOf(el) {
    return el.type === "checkbox" ? (el.checked ? "on" : "") : el.value;
  }

  function serverValueOf(el) {
    return el.type === "checkbox" ? (el.defaultChecked ? "on" : "") : el.defaultValue;
  }

  function setValue(el, value) {
    if (el.type === "checkbox") {
      el.checked = value === "on";
    } else {
      el.value = value;
    }
  }

  // Our endpoints answer small fragments; anything else (a whole error page) is not shown.
  function fragment(text, fallback) {
    if (!text || text.length > 4000 || /<(html|body|head)[\s>]/i.test(text)) {
      return fallback;
    }
    return text;
  }

  function timeNow() {
    var d = new Date();
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }

  function Autosave(container) {
    this.container = container;
    this.url = container.getAttribute("data-autosave-url");
    this.key = container.getAttribute("data-autosave-key") || this.url;
    this.version = parseInt(container.getAttribute("data-autosave-version"), 10) || 0;
    this.status = container.querySelector("[data-autosave-status]");
    this.fields = {};
    this.dirty = {};
    this.timer = null;
    this.retryTimer = null;
    this.retries = 0;
    this.inFlight = false;
    this.again = false;
    this.blocked = null; // "conflict" | "invalid" while waiting for the person
    var self = this;
    container.querySelectorAll("[data-autosave-field]").forEach(function (el) {
      self.fields[el.getAttribute("data-autosave-field")] = el;
    });
    this.bind();
    this.restore();
  }

  Autosave.prototype.storageKey = function (name) {
    return this.key + ":" + name;
  };

  Autosave.prototype.bind = function () {
    var self = this;
    Object.keys(this.fields).forEach(function (name) {
      var el = self.fields[name];
      if (el.type === "checkbox") {
        el.addEventListener("change", function () {
          self.edited(name);
          self.flush();
        });
      } else {
        el.addEventListener("input", function () {
          self.edited(name);
          self.schedule(PAUSE_MS);
        });
        el.addEventListener("blur", function () {
          if (self.dirty[name]) {
            self.flush();
          }
        });
      }
    });
    this.container.addEventListener("click", function (event) {
      var button = event.target.closest("[data-autosave-action]");
      if (button) {
        self.resolve(button.getAttribute("data-autosave-action"), button.closest(".autosave-conflict"));
      }
    });
  };

  Autosave.prototype.edited = function (name) {
    this.dirty[name] = true;
    if (this.blocked === "invalid") {
      this.blocked = null;
    }
    store(this.storageKey(name), { value: valueOf(this.fields[name]), base: this.version, at: Date.now() });
  };

  Autosave.prototype.say = function (html, isError) {
    this.signedOutShown = false;
    if (!this.status) {
      return;
    }
    this.status.innerHTML = html;
    this.status.classList.toggle("is-error", Boolean(isError));
  };

  Autosave.prototype.sayText = function (text, isError) {
    if (this.signedOutShown && text === "Saving…") {
      return; // keep the sign-in link steady (a click on it blurs the field and saves)
    }
    this.signedOutShown = false;
    if (!this.status) {
      return;
    }
    this.status.textContent = text;
    this.status.classList.toggle("is-error", Boolean(isError));
  };

  Autosave.prototype.schedule = function (delay) {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      self.flush();
    }, delay);
  };

  Autosave.prototype.flush = function () {
    window.clearTimeout(this.timer);
    window.clearTimeout(this.retryTimer);
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.blocked) {
      return;
    }
    var name = Object.keys(this.dirty)[0];
    if (name) {
      this.send(name);
    }
  };

  Autosave.prototype.csrfToken = function () {
    var scope = this.container.closest("form") || document;
    var input = scope.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  };

  Autosave.prototype.send = function (name) {
    var self = this;
    var el = this.fields[name];
    var value = valueOf(el);
    var base = this.version;
    var body = new FormData();
    body.append("field", name);
    body.append("value", value);
    body.append("version", String(base));
    this.inFlight = true;
    this.sayText("Saving…", false);
    window
      .fetch(this.url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-CSRFToken": this.csrfToken(), "HX-Request": "true" },
      })
      .then(function (response) {
        return response.text().then(function (text) {
          self.answered(name, value, base, response, text);
        });
      })
      .catch(function () {
        self.retry("the network is not reachable");
      })
      .then(function () {
        self.inFlight = false;
        if (self.again && !self.blocked) {
          self.again = false;
          self.flush();
        }
      });
  };

  Autosave.prototype.answered = function (name, value, base, response, text) {
    var status = response.status;
    if (response.type === "opaqueredirect" || status === 401) {
      this.signedOut(response, text);
      return;
    }
    if (status === 200) {
      this.saved(name, value, base, response, text);
      return;
    }
    if (status === 409) {
      this.conflict(text);
      return;
    }
    if (status === 403) {
      this.say(
        fragment(
          text,
          'Not saved: this page is out of date. <a href="" data-autosave-reload>Reload it</a> — your text is kept in this browser.'
        ),
        true
      );
      var reload = this.status && this.status.querySelector("[data-autosave-reload]");
      if (reload) {
        reload.setAttribute("href", window.location.href);
      }
      this.blocked = "invalid";
      return;
    }
    if (status === 400 || status === 404 || status === 405) {
      this.say(
        fragment(
          text,
          status === 404
            ? "Not saved: this answer can no longer be found here. Reload the page; your text is kept in this browser."
            : "Not saved: the server refused this text. Your text is kept in this browser."
        ),
        true
      );
      this.blocked = "invalid";
      return;
    }
    this.retry("the server did not answer (" + status + ")");
  };

  Autosave.prototype.saved = function (name, value, base, response, text) {
    var version = parseInt(response.headers.get("X-Autosave-Version"), 10);
    // Adopt the server's version only when it follows from ours (or equals the text we
    // sent): a save that did not check the version must not hide someone else's change.
    if (!isNaN(version) && (version === base + 1 || version === base || name === "text")) {
      this.setVersion(version);
    }
    this.retries = 0;
    var el = this.fields[name];
    if (valueOf(el) === value) {
      delete this.dirty[name];
      forget(this.storageKey(name));
    }
    // Anything still unsaved now sits on top of the new version.
    var self = this;
    Object.keys(this.dirty).forEach(function (other) {
      store(self.storageKey(other), { value: valueOf(self.fields[other]), base: self.version, at: Date.now() });
    });
    this.say(fragment(text, "Saved at " + timeNow()), false);
    if (Object.keys(this.dirty).length) {
      this.again = true;
    }
  };

  Autosave.prototype.setVersion = function (version) {
    this.version = version;
    this.container.setAttribute("data-autosave-version", String(version));
    this.container.querySelectorAll("[data-autosave-version-input]").forEach(function (input) {
      input.value = String(version);
    });
  };

  Autosave.prototype.retry = function (why) {
    var self = this;
    var delay = BACKOFF_MS[Math.min(this.retries, BACKOFF_MS.length - 1)];
    this.retries += 1;
    this.sayText(
      "Not saved — retrying in " + Math.round(delay / 1000) + " s (" + why + "). Your text is kept in this browser.",
      true
    );
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(function () {
      self.flush();
    }, delay);
  };

  Autosave.prototype.signedOut = function (response, text) {
    if (this.signedOutShown) {
      return; // already saying so; re-rendering would move the link under the pointer
    }
    var loginUrl = (response.headers && response.headers.get("X-Login-URL")) || "/account/sign-in/";
    var next = window.location.pathname + window.location.search;
    if (text && text.indexOf("data-autosave-login") !== -1) {
      this.say(text, true);
    } else {
      this.say(
        'You were signed out — <a href="" data-autosave-login>sign in again</a> and your text will be saved. ' +
          "It is kept in this browser until then.",
        true
      );
    }
    var link = this.status && this.status.querySelector("[data-autosave-login]");
    if (link) {
      link.setAttribute("href", loginUrl + "?next=" + encodeURIComponent(next));
    }
    this.signedOutShown = true;
  };

  Autosave.prototype.conflictSlot = function () {
    var slot = this.container.querySelector("[data-autosave-conflict]");
    if (!slot) {
      slot = document.createElement("div");
      slot.setAttribute("data-autosave-conflict", "");
      this.container.appendChild(slot);
    }
    return slot;
  };

  Autosave.prototype.conflict = function (html) {
    if (fragment(html, null) === null) {
      this.retry("the server answered with a conflict it could not show");
      return;
    }
    this.blocked = "conflict";
    this.conflictSlot().innerHTML = html;
    this.sayText("Not saved — this answer was changed elsewhere. Choose below which text to keep.", true);
  };

  // A conflict found on page load: this browser kept text typed on top of an older version.
  Autosave.prototype.localConflict = function (name, entry) {
    var field = this.fields[name];
    var panel = document.createElement("div");
    panel.className = "autosave-conflict";
    panel.setAttribute("role", "alert");
    panel.setAttribute("data-server-version", String(this.version));
    panel.setAttribute("data-field", name);
    panel.setAttribute("data-local", "");
    var intro = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = "This browser kept text you typed that was never saved";
    intro.appendChild(strong);
    intro.appendChild(
      document.createTextNode(
        ", but the answer was saved again elsewhere since. Nothing was overwritten. Choose which text to keep."
      )
    );
    panel.appendChild(intro);
    var columns = document.createElement("div");
    columns.className = "conflict-columns";
    [
      ["The saved text", field.value, "data-conflict-server"],
      ["The text kept in this browser", entry.value, "data-conflict-mine"],
    ].forEach(function (part) {
      var column = document.createElement("div");
      var heading = document.createElement("p");
      heading.className = "conflict-heading";
      heading.textContent = part[0];
      var text = document.createElement("div");
      text.className = "conflict-text";
      text.setAttribute(part[2], "");
      text.textContent = part[1];
      column.appendChild(heading);
      column.appendChild(text);
      columns.appendChild(column);
    });
    panel.appendChild(columns);
    [
      ["keep-mine", "Keep the text from this browser", "btn btn-primary btn-sm"],
      ["use-saved", "Use the saved text", "btn btn-outline-dark btn-sm"],
    ].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = spec[2];
      button.setAttribute("data-autosave-action", spec[0]);
      button.textContent = spec[1];
      panel.appendChild(button);
      panel.appendChild(document.createTextNode(" "));
    });
    this.blocked = "conflict";
    var slot = this.conflictSlot();
    slot.innerHTML = "";
    slot.appendChild(panel);
    this.sayText("Not saved — choose below which text to keep.", true);
  };

  Autosave.prototype.resolve = function (action, panel) {
    if (!panel) {
      return;
    }
    var name = panel.getAttribute("data-field") || "text";
    var field = this.fields[name];
    var serverVersion = parseInt(panel.getAttribute("data-server-version"), 10);
    if (!isNaN(serverVersion)) {
      this.setVersion(serverVersion);
    }
    this.blocked = null;
    panel.parentNode.removeChild(panel);
    if (action === "keep-mine") {
      var mine = panel.querySelector("[data-conflict-mine]");
      if (panel.hasAttribute("data-local") && mine && field.type !== "checkbox") {
        field.value = mine.textContent;
      }
      this.edited(name);
      this.flush();
    } else {
      var server = panel.querySelector("[data-conflict-server]");
      setValue(field, server ? server.textContent : "");
      field.defaultValue = field.value;
      delete this.dirty[name];
      forget(this.storageKey(name));
      this.sayText("Using the saved text (" + timeNow() + ").", false);
    }
    field.focus();
  };

  // After a reload (or signing in again): bring back text this browser kept.
  Autosave.prototype.restore = function () {
    var self = this;
    var restored = false;
    Object.keys(this.fields).forEach(function (name) {
      var el = self.fields[name];
      var entry = load(self.storageKey(name));
      var server = serverValueOf(el);
      if (!entry) {
        if (valueOf(el) !== server) {
          self.dirty[name] = true; // the browser refilled the field by itself
          restored = true;
        }
        return;
      }
      if (entry.value === server) {
        forget(self.storageKey(name));
        return;
      }
      if (entry.base === self.version) {
        setValue(el, entry.value);
        self.dirty[name] = true;
        restored = true;
      } else if (el.type === "checkbox") {
        forget(self.storageKey(name));
      } else {
        self.localConflict(name, entry);
      }
    });
    if (restored && !this.blocked) {
      this.sayText("Restored text you typed in this browser that had not been saved yet — saving it now…", false);
      this.flush();
    }
  };

  function start() {
    var savers = [];
    document.querySelectorAll("[data-autosave-url]").forEach(function (container) {
      savers.push(new Autosave(container));
    });
    window.addEventListener("online", function () {
      savers.forEach(function (saver) {
        saver.flush();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
