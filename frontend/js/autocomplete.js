// Search boxes suggest page titles as people type: the ARIA 1.2 editable combobox with a list
// popup. Without this script the box is a plain form that searches on submit. The words it
// says come from the form's data-i18n-* attributes (translated in the template), with English
// defaults.
export function initAutocomplete(form) {
  const input = form.querySelector('input[type="search"]');
  const suggestUrl = form.getAttribute("data-suggest-url");
  if (!input || !suggestUrl || !window.fetch) {
    return;
  }
  const words = {
    list: form.getAttribute("data-i18n-list") || "Suggested pages",
    one: form.getAttribute("data-i18n-one") || "1 suggestion",
    many: form.getAttribute("data-i18n-many") || "%s suggestions",
    help: form.getAttribute("data-i18n-help") || "Use the up and down arrow keys to choose one.",
  };
  const listId = `${input.id}-suggestions`;
  const wrapper = document.createElement("div");
  wrapper.className = "autocomplete";
  input.parentNode.insertBefore(wrapper, input);
  wrapper.appendChild(input);

  const list = document.createElement("ul");
  list.id = listId;
  list.className = "autocomplete__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", words.list);
  list.hidden = true;
  wrapper.appendChild(list);

  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  wrapper.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let results = [];
  let active = -1;
  let timer = null;
  let latest = 0;

  function close() {
    list.hidden = true;
    list.textContent = "";
    results = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function setActive(index) {
    const options = list.querySelectorAll('[role="option"]');
    if (!options.length) {
      return;
    }
    active = (index + options.length) % options.length;
    options.forEach((option, position) => {
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
    found.forEach((result, index) => {
      const option = document.createElement("li");
      option.id = `${listId}-${index}`;
      option.className = "autocomplete__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      const title = document.createElement("span");
      title.className = "autocomplete__title";
      title.textContent = result.title;
      const type = document.createElement("span");
      type.className = "autocomplete__type";
      type.textContent = result.type;
      option.append(title, " ", type);
      // mousedown, not click: a click would blur the input (and close the list) first.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        go(index);
      });
      list.appendChild(option);
    });
    const expanded = found.length > 0;
    list.hidden = !expanded;
    input.setAttribute("aria-expanded", String(expanded));
    const count = found.length === 1 ? words.one : words.many.replace("%s", found.length);
    status.textContent = expanded ? `${count}. ${words.help}` : "";
  }

  function fetchSuggestions() {
    const query = input.value.trim();
    if (query.length < 2) {
      close();
      return;
    }
    const request = ++latest;
    window
      .fetch(`${suggestUrl}?q=${encodeURIComponent(query)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
      .then((response) => (response.ok ? response.json() : { results: [] }))
      .then((body) => {
        // An older, slower answer must not replace a newer one.
        if (request === latest && document.activeElement === input) {
          render(body.results || []);
        }
      })
      .catch(close);
  }

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, 200);
  });

  input.addEventListener("keydown", (event) => {
    if (list.hidden) {
      return;
    }
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", () => {
    window.setTimeout(close, 150);
  });
}
