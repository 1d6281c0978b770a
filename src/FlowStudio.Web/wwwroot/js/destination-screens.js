(() => {
  if (window.flowStudioDestinationScreens) { return; }
  window.flowStudioDestinationScreens = true;
  const settings = () => document.getElementById("destination-settings");
  const refresh = () => { if (settings() && window.htmx) { window.htmx.trigger(settings(), "destination-settings-changed"); } };

  // Edits inside the settings refresh the Sample Payload panel, except in fields marked data-preview-ignore. (Filtered
  // here rather than in hx-trigger: htmx evaluates trigger filters as code, which the Content-Security-Policy forbids.)
  const lastValues = new WeakMap();
  const forward = (name) => (event) => {
    const target = event.target;
    const box = settings();
    if (!box || !window.htmx || !(target instanceof Element) || !box.contains(target) || target.closest("[data-preview-ignore]")) { return; }
    if (name === "preview-input" && "value" in target) {
      if (lastValues.get(target) === target.value) { return; }
      lastValues.set(target, target.value);
    }
    window.htmx.trigger(box, name);
  };
  document.addEventListener("change", forward("preview-change"));
  document.addEventListener("input", forward("preview-input"));
  document.addEventListener("keyup", forward("preview-input"));

  // Only the active tab's fieldset is enabled, so only its fields are posted; the samples follow the tab.
  document.addEventListener("shown.bs.tab", (event) => {
    const mode = event.target.dataset.destinationMode;
    if (!mode) { return; }
    document.querySelectorAll("fieldset[data-destination-mode]").forEach((fieldset) => {
      fieldset.disabled = fieldset.dataset.destinationMode !== mode;
    });
    refresh();
  });

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (target.id === "batching-enabled") {
      document.getElementById("batching-settings").hidden = !target.checked;
    } else if (target.id === "batching-algorithm") {
      document.querySelectorAll("[data-batching-algorithm]").forEach((group) => {
        group.hidden = group.dataset.batchingAlgorithm !== target.value;
      });
    } else if (target.matches("[data-exclude-add]") && target.value) {
      exclude(target, target.value);
    }
  });

  document.addEventListener("click", (event) => {
    const remove = event.target.closest("[data-remove-attribute]");
    if (remove) { include(remove); }
  });

  // Enter in a text field would submit the form, that is Done: only the Done button saves.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches("#destination-form input")) {
      event.preventDefault();
    }
  });

  // A Sample Payload refresh replaces the error slots out of band: mark their fields (and code editors) to match.
  document.addEventListener("htmx:afterSettle", () => {
    document.querySelectorAll("[data-error-for]").forEach((slot) => {
      const input = document.getElementById(slot.dataset.errorFor);
      if (!input) { return; }
      const invalid = slot.querySelector(".invalid-feedback") !== null;
      input.classList.toggle("is-invalid", invalid);
      if (invalid) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
      const editor = input.nextElementSibling;
      if (editor && editor.classList.contains("cm-editor")) { editor.classList.toggle("is-invalid", invalid); }
    });
  });

  document.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail.target;
    if (target.id === "dialog-host") {
      const modal = target.querySelector(".modal");
      if (modal) { window.bootstrap.Modal.getOrCreateInstance(modal).show(); }
    }
  });

  function exclude(select, name) {
    const list = document.getElementById("excluded-attributes");
    const chip = document.createElement("li");
    chip.className = "tag";
    const label = document.createElement("span");
    label.className = "font-monospace";
    label.textContent = name;
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "ExcludeAttributes";
    input.value = name;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn-close";
    button.dataset.removeAttribute = name;
    button.setAttribute("aria-label", "Remove " + name);
    chip.append(label, " ", input, button);
    list.append(chip);
    const option = [...select.options].find((o) => o.value === name);
    if (option) { option.disabled = true; }
    select.value = "";
  }

  function include(button) {
    const name = button.dataset.removeAttribute;
    const select = document.querySelector("[data-exclude-add]");
    const option = select ? [...select.options].find((o) => o.value === name) : null;
    if (option) { option.disabled = false; }
    const chip = button.closest("li");
    const next = chip.nextElementSibling?.querySelector("[data-remove-attribute]") ?? chip.previousElementSibling?.querySelector("[data-remove-attribute]");
    chip.remove();
    (next ?? select)?.focus();
    refresh();
  }
})();
