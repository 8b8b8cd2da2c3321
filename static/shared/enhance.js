// Progressive enhancement only: every page works without this file.
// Carousels: reveal previous/next buttons that scroll the list by one view.
(function () {
  "use strict";
  document.querySelectorAll("[data-carousel]").forEach(function (carousel) {
    var track = carousel.querySelector(".carousel-track");
    var controls = carousel.querySelector(".carousel-controls");
    if (!track || !controls) return;
    controls.hidden = false;
    var step = function (direction) {
      track.scrollBy({ left: direction * track.clientWidth * 0.9, behavior: "smooth" });
    };
    var prev = controls.querySelector(".carousel-prev");
    var next = controls.querySelector(".carousel-next");
    if (prev) prev.addEventListener("click", function () { step(-1); });
    if (next) next.addEventListener("click", function () { step(1); });
  });
})();

// Search suggestions: product names in a native <datalist> under each search box; choosing one
// and submitting opens that product. Without JS the box is a plain search form.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest]").forEach(function (input, n) {
    var list = document.createElement("datalist");
    list.id = "suggestions-" + n;
    input.after(list);
    input.setAttribute("list", list.id);
    var urls = {};
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q === last) return;
      timer = setTimeout(function () {
        last = q;
        fetch("/search/suggest?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = "";
            urls = {};
            items.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.name;
              list.appendChild(option);
              urls[item.name] = item.url;
            });
          })
          .catch(function () {});
      }, 150);
    });
    if (input.form) {
      input.form.addEventListener("submit", function (event) {
        var url = urls[input.value];
        if (url) {
          event.preventDefault();
          window.location.assign(url);
        }
      });
    }
  });
})();

// Filter panels start folded on narrow screens (unless filters are chosen), so results come first.
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 800px)").matches) return;
  document.querySelectorAll("details[data-collapse-narrow]").forEach(function (panel) {
    if (!panel.querySelector(".facet-count") || !panel.querySelector("summary .facet-count")) panel.open = false;
  });
})();

// Product gallery: thumbnails show their picture in the main view, and the main picture opens a
// full-size view in a dialog (Escape or the close button closes it, focus returns). Without JS
// every picture is a plain link to the full-size file.
(function () {
  "use strict";
  var gallery = document.querySelector(".gallery");
  if (!gallery) return;
  var main = gallery.querySelector(".gallery-main");
  var mainImg = main && main.querySelector("img");
  if (!main || !mainImg) return;
  gallery.querySelectorAll(".thumbs a").forEach(function (thumb, i) {
    if (i === 0) thumb.setAttribute("aria-current", "true");
    thumb.addEventListener("click", function (event) {
      event.preventDefault();
      var img = thumb.querySelector("img");
      var href = thumb.getAttribute("href");
      mainImg.src = href;
      mainImg.alt = img ? img.alt : "";
      main.setAttribute("href", href);
      gallery.querySelectorAll(".thumbs a").forEach(function (t) { t.removeAttribute("aria-current"); });
      thumb.setAttribute("aria-current", "true");
    });
  });
  if (typeof HTMLDialogElement !== "function") return;
  var dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  var close = document.createElement("button");
  close.type = "button";
  close.className = "button button-small lightbox-close";
  close.textContent = gallery.getAttribute("data-close-label") || "Close";
  var big = document.createElement("img");
  dialog.appendChild(close);
  dialog.appendChild(big);
  document.body.appendChild(dialog);
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  main.addEventListener("click", function (event) {
    event.preventDefault();
    big.src = main.getAttribute("href");
    big.alt = mainImg.alt;
    dialog.setAttribute("aria-label", mainImg.alt);
    dialog.showModal();
    close.focus();
  });
  dialog.addEventListener("close", function () { main.focus(); });
})();

// Checkout: choosing a delivery method updates the order summary at once (the same "update"
// request the form's button sends, read back from the page the server renders). Without JS the
// "Update the summary" button does it.
(function () {
  var form = document.querySelector("form.checkout");
  if (!form || !window.fetch || !window.DOMParser) return;
  var summary = form.querySelector(".cart-summary");
  var total = form.querySelector("input[name=shown_total]");
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  summary.appendChild(status);
  var pending = 0;
  var refresh = function () {
    var data = new URLSearchParams(new FormData(form));
    data.set("action", "update");
    var mine = ++pending;
    // (form.action would be the buttons named "action", not the attribute.)
    fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html || mine !== pending) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("form.checkout .cart-summary");
        var freshTotal = page.querySelector("form.checkout input[name=shown_total]");
        if (!fresh || !freshTotal) return;
        summary.querySelectorAll(":scope > :not([role=status])").forEach(function (n) { n.remove(); });
        Array.prototype.slice.call(fresh.children).forEach(function (n) { summary.insertBefore(n, status); });
        total.value = freshTotal.value;
        // The coupon's message (accepted, refused, or set aside for the cart offers) comes along.
        var feedback = form.querySelector(".coupon-feedback");
        var freshFeedback = page.querySelector("form.checkout .coupon-feedback");
        var coupon = form.querySelector("input[name=coupon]");
        var freshCoupon = page.querySelector("form.checkout input[name=coupon]");
        if (feedback && freshFeedback && coupon && freshCoupon) {
          feedback.innerHTML = freshFeedback.innerHTML;
          ["aria-invalid", "aria-describedby"].forEach(function (name) {
            if (freshCoupon.hasAttribute(name)) coupon.setAttribute(name, freshCoupon.getAttribute(name));
            else coupon.removeAttribute(name);
          });
        }
        // Paying on invoice may be over the company's credit: the reason comes along too.
        var said = "";
        var payField = form.querySelector("input[name=payment]");
        if (payField) {
          var set = payField.closest("fieldset");
          var old = form.querySelector("#payment-error");
          var freshError = page.querySelector("#payment-error");
          if (old) old.remove();
          if (freshError) {
            set.appendChild(freshError);
            set.setAttribute("aria-describedby", "payment-error");
            said = freshError.textContent;
          } else {
            set.removeAttribute("aria-describedby");
          }
        }
        var row = summary.querySelector(".summary-total");
        said = (said ? said + " " : "") + (feedback ? feedback.textContent.replace(/\s+/g, " ").trim() : "");
        status.textContent = (said ? said + " " : "") + (row ? row.textContent.replace(/\s+/g, " ").trim() : "");
      })
      .catch(function () {});
  };
  form.querySelectorAll("input[name=delivery], input[name=payment]").forEach(function (radio) {
    radio.addEventListener("change", refresh);
  });
  // "Apply" on the coupon field recomputes in place instead of reloading the page.
  var apply = form.querySelector("button.coupon-apply");
  if (apply) {
    apply.addEventListener("click", function (event) {
      event.preventDefault();
      refresh();
    });
  }
})();

// Return slip: a "Print the slip" button (the browser's own print works without it).
(function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
