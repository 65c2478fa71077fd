/* The header menu folds behind a button on phones. Loaded right after the header, not deferred, so the
   menu is folded before the page first shows; without JavaScript it stays open and the button hidden. */
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  if (!button) return;

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  button.hidden = false;
  setOpen(false);
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && button.offsetParent) {
      setOpen(false);
      button.focus();
    }
  });
})();
