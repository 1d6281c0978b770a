(() => {
  if (window.flowStudioSourceScreens) { return; }
  window.flowStudioSourceScreens = true;
  const urlInput = () => document.getElementById("manual-url");
  const macroList = () => document.getElementById("url-macros");
  let token = null;

  // Only the active tab's fieldset is enabled, so only its fields are posted and validated.
  document.addEventListener("shown.bs.tab", (event) => {
    const mode = event.target.dataset.sourceMode;
    if (!mode) { return; }
    document.querySelectorAll("fieldset[data-source-mode]").forEach((fieldset) => {
      fieldset.disabled = fieldset.dataset.sourceMode !== mode;
    });
  });

  document.addEventListener("change", (event) => {
    if (event.target.matches("[data-body-toggle]")) {
      const group = document.getElementById("manual-body-group");
      if (group) { group.hidden = !group.dataset.bodyMethods.split(" ").includes(event.target.value); }
    }
  });

  document.addEventListener("click", (event) => {
    const fill = event.target.closest("[data-fill]");
    if (fill) {
      const input = document.getElementById(fill.dataset.fill);
      input.value = fill.dataset.value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
      return;
    }
    const option = event.target.closest("#url-macros [role=option]");
    if (option) {
      choose(option);
    } else if (!event.target.closest("#url-macro-box")) {
      close();
    }
  });

  // Enter in a text field would submit the form, that is Create: only the Create button creates.
  document.addEventListener("keydown", (event) => {
    if (event.target.id === "manual-url" && isOpen()) {
      onListKey(event);
    } else if (event.key === "Enter" && event.target.matches("#source-form input")) {
      event.preventDefault();
    }
  });

  document.addEventListener("input", (event) => {
    if (event.target.id === "manual-url") { update(event.target); }
  });

  document.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail.target;
    if (target.id === "url-macros" && isOpen()) { update(urlInput()); }
    if (target.id === "dialog-host") {
      const modal = target.querySelector(".modal");
      if (modal) { window.bootstrap.Modal.getOrCreateInstance(modal).show(); }
    }
  });

  // The text typed since an unclosed "{" before the caret, e.g. "now-" in ".../search?after={now-".
  function tokenAtCaret(input) {
    const caret = input.selectionStart ?? input.value.length;
    const before = input.value.slice(0, caret);
    const start = before.lastIndexOf("{");
    if (start === -1 || before.indexOf("}", start) !== -1) { return null; }
    const query = before.slice(start + 1);
    return /^[\w.+-]*$/.test(query) ? { start, end: caret, query } : null;
  }

  function options() { return [...macroList().querySelectorAll("[role=option]")].filter((o) => !o.hidden); }

  function isOpen() { return macroList()?.classList.contains("show") ?? false; }

  function update(input) {
    token = tokenAtCaret(input);
    if (!token) { close(); return; }
    const typed = "{" + token.query.toLowerCase();
    macroList().querySelectorAll("[role=option]").forEach((option) => {
      option.hidden = !option.dataset.macro.toLowerCase().startsWith(typed);
    });
    const shown = options();
    if (shown.length === 0) { close(); return; }
    macroList().classList.add("show");
    input.setAttribute("aria-expanded", "true");
    setActive(shown[0]);
  }

  function close() {
    const list = macroList();
    if (!list) { return; }
    list.classList.remove("show");
    urlInput()?.setAttribute("aria-expanded", "false");
    setActive(null);
  }

  function setActive(active) {
    macroList()?.querySelectorAll("[role=option]").forEach((option) => {
      option.setAttribute("aria-selected", option === active ? "true" : "false");
      option.classList.toggle("active", option === active);
    });
    const input = urlInput();
    if (active) {
      input.setAttribute("aria-activedescendant", active.id);
      active.scrollIntoView({ block: "nearest" });
    } else {
      input?.removeAttribute("aria-activedescendant");
    }
  }

  function onListKey(event) {
    const shown = options();
    const current = shown.findIndex((o) => o.getAttribute("aria-selected") === "true");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(shown[(current + step + shown.length) % shown.length]);
    } else if ((event.key === "Enter" || event.key === "Tab") && current !== -1) {
      event.preventDefault();
      choose(shown[current]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  }

  // Replaces the typed "{..." with the macro; in {now-N} the N is selected, ready to be typed over.
  function choose(option) {
    const input = urlInput();
    const at = token ?? tokenAtCaret(input) ?? { start: input.value.length, end: input.value.length };
    const macro = option.dataset.macro;
    input.value = input.value.slice(0, at.start) + macro + input.value.slice(at.end);
    input.focus();
    const n = macro.indexOf("N");
    const from = at.start + (n === -1 ? macro.length : n);
    input.setSelectionRange(from, n === -1 ? from : from + 1);
    token = null;
    close();
  }
})();
