// On a phone the admin menu is one row that scrolls sideways: bring the current page's link
// into view. Without JS the row simply starts at the first link.
(function () {
  var current = document.querySelector(".admin-side nav a[aria-current=page]");
  var nav = current && current.closest("nav");
  if (!nav || nav.scrollWidth <= nav.clientWidth) return;
  var offset = current.getBoundingClientRect().left - nav.getBoundingClientRect().left;
  nav.scrollLeft += offset - 16;
})();
