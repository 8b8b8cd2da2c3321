// A page of work still in progress (a product import): reload it every few seconds until the
// work is done. Without JavaScript the page offers a link instead.
(function () {
  var box = document.querySelector("[data-refresh]");
  if (!box) return;
  var seconds = Number(box.getAttribute("data-refresh")) || 2;
  window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
})();
