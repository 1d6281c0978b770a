// Turns <textarea data-code-editor="javascript|json"> into a CodeMirror 6 editor. The textarea stays in the
// form (hidden) and is updated on every change, so plain form posts and htmx requests send the code.
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { selfAndDescendants } from "./dom.js";

const languages = { javascript: () => javascript(), json: () => json() };
const editors = new WeakMap();

export function attach(root) {
  for (const textarea of selfAndDescendants(root, "textarea[data-code-editor]")) {
    if (!editors.has(textarea)) {
      editors.set(textarea, createEditor(textarea));
    }
  }
}

export function detach(root) {
  for (const textarea of selfAndDescendants(root, "textarea[data-code-editor]")) {
    editors.get(textarea)?.destroy();
    editors.delete(textarea);
  }
}

function createEditor(textarea) {
  const language = languages[textarea.dataset.codeEditor];
  const contentAttributes = { "aria-multiline": "true" };
  const labelIds = [...textarea.labels].map((label) => ensureId(label, textarea.id + "-label"));
  if (labelIds.length > 0) {
    contentAttributes["aria-labelledby"] = labelIds.join(" ");
  }
  if (textarea.getAttribute("aria-describedby")) {
    contentAttributes["aria-describedby"] = textarea.getAttribute("aria-describedby");
  }

  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        basicSetup,
        language ? language() : [],
        EditorState.readOnly.of(textarea.readOnly),
        EditorView.contentAttributes.of(contentAttributes),
        // Set through the editor, not classList: CodeMirror rewrites the root's classes on its first update.
        EditorView.editorAttributes.of({
          class: textarea.classList.contains("is-invalid") ? "code-editor form-control p-0 is-invalid" : "code-editor form-control p-0",
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            textarea.value = update.state.doc.toString();
            textarea.dispatchEvent(new Event("input", { bubbles: true }));
            textarea.dispatchEvent(new Event("change", { bubbles: true }));
          }
        }),
      ],
    }),
  });

  textarea.after(view.dom);
  textarea.hidden = true;
  // A label click focuses the editor, as it would the textarea.
  for (const label of textarea.labels) {
    label.addEventListener("click", () => view.focus());
  }
  return view;
}

function ensureId(element, fallback) {
  if (!element.id) {
    element.id = fallback;
  }
  return element.id;
}
