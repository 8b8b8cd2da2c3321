// The order sheet's "Print" button: shown only when JavaScript can open the print dialog.
(function () {
  var button = document.querySelector("[data-print]");
  if (!button || typeof window.print !== "function") return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
