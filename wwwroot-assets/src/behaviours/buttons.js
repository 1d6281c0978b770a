// Two button behaviours for plain (non-htmx) forms, by data attribute:
// data-copy-target="#field" copies that field's value (a new API key, an invitation link) to the clipboard;
// data-confirm="question" asks before the button submits its form.
export function configureButtons(root) {
  root.addEventListener("click", async (event) => {
    const copy = event.target.closest("[data-copy-target]");
    if (copy) {
      const field = document.querySelector(copy.dataset.copyTarget);
      if (!field) {
        return;
      }
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
      } catch {
        document.execCommand("copy");
      }
      copy.textContent = "Copied";
      return;
    }

    const confirmed = event.target.closest("button[data-confirm]");
    if (confirmed && !window.confirm(confirmed.dataset.confirm)) {
      event.preventDefault();
    }
  });
}
