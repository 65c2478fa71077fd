/* Starts the Wagtail admin's widgets and panels from JSON instead of inline scripts
   (knowledge/admin_scripts.py), so the admin runs under a policy that refuses every inline script.
   CALLS is the whole list of what a page may ask for. */
(function () {
  "use strict";
  var CALLS = [
    "initDateChooser", "initDateTimeChooser", "initTimeChooser",
    "new PageChooser", "new SnippetChooser", "new DocumentChooser", "new ImageChooser", "new TaskChooser",
    "new InlinePanel", "new MultipleChooserPanel",
  ];

  function run(script) {
    var call = script.getAttribute("data-admin-call");
    if (script.dataset.adminCalled || CALLS.indexOf(call) === -1) return;
    script.dataset.adminCalled = "true";
    var args = JSON.parse(script.textContent);
    var name = call.replace(/^new /, "");
    if (typeof window[name] !== "function") return;
    if (call === name) window[name].apply(window, args);
    else Reflect.construct(window[name], args);
  }

  function runWithin(root) {
    if (root.matches && root.matches("script[data-admin-call]")) run(root);
    if (root.querySelectorAll) root.querySelectorAll("script[data-admin-call]").forEach(run);
  }

  function start() {
    runWithin(document);
    // Forms an inline panel adds later carry their own widgets' calls.
    new MutationObserver(function (changes) {
      changes.forEach(function (change) { change.addedNodes.forEach(runWithin); });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
