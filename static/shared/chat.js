// Live chat, as an enhancement: every page works without this file (/chat is a plain page with
// forms, /admin/chats has Refresh links).
// - The "Chat with us" launcher on storefront pages opens /chat in a panel (non-modal; Escape or
//   the close button closes it, focus returns to the launcher); it stays open across pages.
// - In a conversation (customer or agent) forms post in the background and the page follows the
//   server's event stream: new lines are added as they are written, a step (an agent joined,
//   the chat ended) reloads the conversation from the server.
// - The agents' queue reloads itself when the server says it changed.
(function () {
  "use strict";
  var parser = new DOMParser();
  var PANEL_KEY = "duett-chat-panel";

  function fetchRoot(url, options, selector) {
    var init = Object.assign({ credentials: "same-origin", headers: { Accept: "text/html" } }, options || {});
    return fetch(url, init).then(function (r) {
      return r.text().then(function (html) {
        return parser.parseFromString(html, "text/html").querySelector(selector || "[data-chat-root]");
      });
    });
  }

  // Keeps a conversation (data-chat-root) live.
  function Conversation(root, inPanel) {
    this.root = root;
    this.inPanel = inPanel;
    this.source = null;
    this.sourceUrl = null;
    this.seq = 0;
    this.shown = 0;
    this.prepare();
  }

  Conversation.prototype.prepare = function () {
    var self = this;
    var root = this.root;
    if (this.inPanel) {
      var h1 = root.querySelector("h1");
      if (h1) {
        var h2 = document.createElement("h2");
        h2.id = "chat-panel-title";
        h2.textContent = h1.textContent;
        h1.replaceWith(h2);
      }
    }
    root.querySelectorAll("form[data-chat-form]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        self.post(form);
      });
      var area = form.querySelector("textarea");
      if (area) {
        // Enter sends, Shift+Enter makes a new line.
        area.addEventListener("keydown", function (event) {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing && form.classList.contains("chat-write")) {
            event.preventDefault();
            self.post(form);
          }
        });
      }
    });
    var refresh = root.querySelector("[data-chat-refresh]");
    if (refresh) refresh.hidden = true;
    this.scrollDown();
    this.follow();
  };

  Conversation.prototype.scrollDown = function () {
    var log = this.root.querySelector(".chat-log");
    if (log) log.scrollTop = log.scrollHeight;
  };

  function lastLineId(root) {
    var lines = root.querySelectorAll("[data-chat-lines] > li[data-id]");
    return lines.length ? Number(lines[lines.length - 1].getAttribute("data-id")) : 0;
  }

  // Puts in what the server answered (a page fetched at request number `seq`). An answer to an
  // older request than the one shown is dropped; lines that arrived over the stream after the
  // server rendered the answer are kept, and so is text being typed.
  Conversation.prototype.swap = function (fresh, seq, focusSelector, keepTyped) {
    if (!fresh) return false;
    if (seq < this.shown) return true;
    this.shown = seq;
    var freshLast = lastLineId(fresh);
    var newer = Array.prototype.filter.call(
      this.root.querySelectorAll("[data-chat-lines] > li[data-id]"),
      function (li) { return Number(li.getAttribute("data-id")) > freshLast; });
    var area = this.root.querySelector("#chat-body");
    var typed = keepTyped && area ? area.value : "";
    ["data-chat-events", "data-chat-last", "data-chat-src"].forEach(function (name) {
      if (fresh.hasAttribute(name)) this.root.setAttribute(name, fresh.getAttribute(name));
      else this.root.removeAttribute(name);
    }, this);
    this.root.innerHTML = fresh.innerHTML;
    var list = this.root.querySelector("[data-chat-lines]");
    if (list) {
      newer.forEach(function (li) { if (!document.getElementById(li.id)) list.appendChild(li); });
      if (newer.length) this.root.setAttribute("data-chat-last", String(lastLineId(this.root)));
    }
    var freshArea = this.root.querySelector("#chat-body");
    if (typed && freshArea && !freshArea.value) freshArea.value = typed;
    this.prepare();
    var target = focusSelector && this.root.querySelector(focusSelector);
    var invalid = this.root.querySelector("[aria-invalid=true]");
    if (invalid) invalid.focus();
    else if (target) target.focus();
    return true;
  };

  Conversation.prototype.post = function (form) {
    var self = this;
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    var focus = form.classList.contains("chat-write") || form.classList.contains("chat-start") ? "#chat-body" : null;
    var seq = ++this.seq;
    // getAttribute: a field named "action" hides the form's action property.
    fetchRoot(form.getAttribute("action"), { method: "POST", body: new URLSearchParams(new FormData(form)) })
      .then(function (fresh) {
        // Anything but the chat (a refusal page, a sign-in page): let the browser show it.
        if (!self.swap(fresh, seq, focus, false)) form.submit();
      })
      .catch(function () { form.submit(); });
  };

  Conversation.prototype.reload = function () {
    var self = this;
    var src = this.root.getAttribute("data-chat-src");
    if (!src) return;
    var seq = ++this.seq;
    fetchRoot(src).then(function (fresh) {
      var active = document.activeElement;
      var typing = active && active.id === "chat-body" && self.root.contains(active);
      self.swap(fresh, seq, typing ? "#chat-body" : null, true);
    });
  };

  Conversation.prototype.append = function (html) {
    var list = this.root.querySelector("[data-chat-lines]");
    if (!list) return;
    var template = document.createElement("template");
    template.innerHTML = html;
    var line = template.content.firstElementChild;
    if (!line || (line.id && document.getElementById(line.id))) return;
    list.appendChild(line);
    this.root.setAttribute("data-chat-last", line.getAttribute("data-id") || "0");
    this.scrollDown();
  };

  Conversation.prototype.follow = function () {
    var self = this;
    var url = this.root.getAttribute("data-chat-events");
    if (!url || !window.EventSource) {
      this.stop();
      return;
    }
    if (this.source && this.sourceUrl === url) return;
    this.stop();
    var last = this.root.getAttribute("data-chat-last") || "0";
    this.sourceUrl = url;
    this.source = new EventSource(url + "?after=" + encodeURIComponent(last));
    this.source.addEventListener("message", function (event) { self.append(event.data); });
    this.source.addEventListener("status", function (event) {
      self.append(event.data);
      self.reload();
    });
    this.source.addEventListener("reload", function () { self.reload(); });
  };

  Conversation.prototype.stop = function () {
    if (this.source) this.source.close();
    this.source = null;
    this.sourceUrl = null;
  };

  // A chat page (the customer's /chat or an agent's chat).
  var pageRoot = document.querySelector("main [data-chat-root]");
  if (pageRoot) new Conversation(pageRoot, false);

  // The agents' queue.
  var queue = document.querySelector("[data-chat-queue]");
  if (queue && window.EventSource) {
    var announce = document.createElement("p");
    announce.className = "visually-hidden";
    announce.setAttribute("role", "status");
    queue.after(announce);
    var refresh = queue.querySelector("[data-chat-refresh]");
    if (refresh) refresh.hidden = true;
    var timer = null;
    var source = new EventSource(queue.getAttribute("data-chat-events"));
    source.addEventListener("queue", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var before = queue.querySelectorAll(".row-waiting").length;
        fetchRoot(queue.getAttribute("data-chat-src"), null, "[data-chat-queue]").then(function (fresh) {
          if (!fresh) return;
          queue.innerHTML = fresh.innerHTML;
          var r = queue.querySelector("[data-chat-refresh]");
          if (r) r.hidden = true;
          var waiting = queue.querySelectorAll(".row-waiting").length;
          if (waiting > before) {
            var title = queue.querySelector("#chats-waiting");
            announce.textContent = title ? title.textContent : "";
          }
        });
      }, 250);
    });
  }

  // The launcher on storefront pages: the chat in a panel.
  var launcher = document.querySelector("[data-chat-launcher]");
  if (!launcher || pageRoot) return;
  var panel = null;
  var conversation = null;

  function closePanel() {
    if (!panel) return;
    if (conversation) conversation.stop();
    panel.remove();
    panel = null;
    conversation = null;
    launcher.setAttribute("aria-expanded", "false");
    try { sessionStorage.removeItem(PANEL_KEY); } catch (e) { /* private mode */ }
    launcher.focus();
  }

  function openPanel(focus) {
    if (panel) return;
    panel = document.createElement("section");
    panel.className = "chat-panel";
    panel.id = "chat-panel";
    panel.setAttribute("aria-labelledby", "chat-panel-title");
    var head = document.createElement("div");
    head.className = "chat-panel-head";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "button button-small button-quiet";
    close.textContent = "×";
    close.setAttribute("aria-label", launcher.getAttribute("data-close-label") || "Close");
    close.addEventListener("click", closePanel);
    head.appendChild(close);
    panel.appendChild(head);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") closePanel();
    });
    launcher.after(panel);
    launcher.setAttribute("aria-expanded", "true");
    launcher.setAttribute("aria-controls", "chat-panel");
    try { sessionStorage.setItem(PANEL_KEY, "open"); } catch (e) { /* private mode */ }
    var opened = panel;
    fetchRoot("/chat").then(function (root) {
      if (!root || panel !== opened) {
        if (!root) window.location.assign("/chat");
        return;
      }
      panel.appendChild(root);
      conversation = new Conversation(root, true);
      if (focus) {
        var field = root.querySelector("textarea, input:not([type=hidden]), select");
        if (field) field.focus();
      }
    });
  }

  launcher.setAttribute("aria-expanded", "false");
  launcher.addEventListener("click", function (event) {
    event.preventDefault();
    if (panel) closePanel();
    else openPanel(true);
  });
  var wasOpen = false;
  try { wasOpen = sessionStorage.getItem(PANEL_KEY) === "open"; } catch (e) { /* private mode */ }
  if (wasOpen) openPanel(false);
})();
