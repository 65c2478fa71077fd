/* The new-topic form shows only the fields of the kind being written: a case's structured fields, or a
   clinic question's expert. In the clinic's categories every topic is a question. Without JavaScript all
   fields show and the server sorts them out. */
(function () {
  "use strict";
  var form = document.querySelector(".topic-form");
  if (!form) return;
  var clinics = (form.dataset.clinicCategories || "").split(",").filter(Boolean);
  var category = form.querySelector("[name=category]");
  var kinds = form.querySelectorAll("[name=kind]");

  function currentKind() {
    if (category && clinics.indexOf(category.value) !== -1) return "question";
    for (var i = 0; i < kinds.length; i++) if (kinds[i].checked) return kinds[i].value;
    return "topic";
  }

  function update() {
    var kind = currentKind();
    for (var i = 0; i < kinds.length; i++) {
      if (kind === "question" && kinds[i].value === "question") kinds[i].checked = true;
    }
    form.querySelectorAll(".kind-fields").forEach(function (fieldset) {
      fieldset.hidden = fieldset.dataset.kind !== kind;
    });
  }

  form.addEventListener("change", update);
  update();
})();
