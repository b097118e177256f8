/* Harbour: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  document.documentElement.classList.replace("no-js", "js");

  // GOV.UK pattern: after a form is sent back with errors, take the reader to the summary.
  var errorSummary = document.querySelector("[data-error-summary]");
  if (errorSummary) {
    errorSummary.focus();
  }

  // Small screens: fold the main navigation behind a "Menu" button.
  document.querySelectorAll(".navigation").forEach(function (navigation) {
    var toggle = navigation.querySelector(".navigation__toggle");
    if (!toggle) {
      return;
    }
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var expanded = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!expanded));
    });
  });

  // Search boxes: suggest page titles as people type (the ARIA 1.2 editable combobox with a
  // list popup). Without this script the box is a plain form that searches on submit.
  document.querySelectorAll('[data-module="search-autocomplete"]').forEach(function (form) {
    var input = form.querySelector('input[type="search"]');
    var suggestUrl = form.getAttribute("data-suggest-url");
    if (!input || !suggestUrl || !window.fetch) {
      return;
    }
    var listId = input.id + "-suggestions";
    var wrapper = document.createElement("div");
    wrapper.className = "autocomplete";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested pages");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var results = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      list.textContent = "";
      results = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function setActive(index) {
      var options = list.querySelectorAll('[role="option"]');
      if (!options.length) {
        return;
      }
      active = (index + options.length) % options.length;
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", String(position === active));
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function go(index) {
      if (results[index] && results[index].url) {
        window.location.assign(results[index].url);
      }
    }

    function render(found) {
      list.textContent = "";
      results = found;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      found.forEach(function (result, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "autocomplete__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "autocomplete__title";
        title.textContent = result.title;
        var type = document.createElement("span");
        type.className = "autocomplete__type";
        type.textContent = result.type;
        option.appendChild(title);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(type);
        // mousedown, not click: a click would blur the input (and close the list) first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(index);
        });
        list.appendChild(option);
      });
      var expanded = found.length > 0;
      list.hidden = !expanded;
      input.setAttribute("aria-expanded", String(expanded));
      status.textContent = expanded
        ? found.length + (found.length === 1 ? " suggestion" : " suggestions") +
          ". Use the up and down arrow keys to choose one."
        : "";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < 2) {
        close();
        return;
      }
      var request = ++latest;
      window
        .fetch(suggestUrl + "?q=" + encodeURIComponent(query), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (body) {
          // An older, slower answer must not replace a newer one.
          if (request === latest && document.activeElement === input) {
            render(body.results || []);
          }
        })
        .catch(function () {
          close();
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 200);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "Down") {
        if (!list.hidden) {
          event.preventDefault();
          setActive(active + 1);
        }
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (!list.hidden) {
          event.preventDefault();
          setActive(active - 1);
        }
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          go(active);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  });
})();
