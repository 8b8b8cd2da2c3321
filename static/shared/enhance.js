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
