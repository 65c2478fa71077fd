/* Title suggestions for search boxes marked data-suggest, as an ARIA 1.2 combobox: arrow keys move,
   Enter opens the highlighted title, Escape closes; screen readers hear the count. No libraries. */
(function () {
  "use strict";

  function setup(input) {
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var items = [];
    var active = -1;
    var timer = null;
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");
    input.parentNode.classList.add("has-suggestions");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
    }

    function show(results) {
      list.innerHTML = "";
      items = results.map(function (result, i) {
        var option = document.createElement("li");
        var link = document.createElement("a");
        var kind = document.createElement("span");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        link.href = result.url;
        link.tabIndex = -1;
        link.textContent = result.title;
        kind.className = "suggestions__kind";
        kind.textContent = result.detail || result.kind_label;
        option.appendChild(link);
        option.appendChild(kind);
        list.appendChild(option);
        return option;
      });
      status.textContent = input.dataset.suggestCount.replace("{count}", results.length);
      if (!results.length) { close(); return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(-1);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (input.value.trim().length < 2) { close(); return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(input.value), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (data) { show(data.results); })
          .catch(close);
      }, 150);
    });

    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % items.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].querySelector("a").href;
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("input[data-suggest]").forEach(setup);
})();
