// Bulk actions: with JS, a "Tick every row on this page" box joins the bulk form. Without JS
// staff tick rows one by one; the form works the same.
(function () {
  var form = document.getElementById("bulk");
  if (!form) return;
  var boxes = function () {
    return Array.prototype.slice.call(document.querySelectorAll("input[name=ids][form=bulk]"));
  };
  if (!boxes().length) return;
  var wrap = document.createElement("div");
  wrap.className = "choice tick-all";
  var all = document.createElement("input");
  all.type = "checkbox";
  all.id = "tick-all";
  var label = document.createElement("label");
  label.htmlFor = "tick-all";
  label.textContent = form.getAttribute("data-tick-all") || "Tick all";
  wrap.appendChild(all);
  wrap.appendChild(label);
  form.insertBefore(wrap, form.querySelector("button, .form-actions"));
  all.addEventListener("change", function () {
    boxes().forEach(function (b) { b.checked = all.checked; });
  });
  document.addEventListener("change", function (e) {
    if (e.target.name !== "ids") return;
    var list = boxes();
    var ticked = list.filter(function (b) { return b.checked; }).length;
    all.checked = ticked === list.length;
    all.indeterminate = ticked > 0 && ticked < list.length;
  });
})();
