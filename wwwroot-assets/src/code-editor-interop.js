// CodeMirror 6 for the interactive UI's CodeEditor component (Blazor JS interop). The component owns the value:
// edits are reported to .NET (debounced), and setValue replaces the text when .NET changes it.
import { EditorView, basicSetup } from "codemirror";
import { Annotation, EditorState, Compartment } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";

const languages = { javascript: () => javascript(), json: () => json() };

export function create(host, options, dotnet) {
  const readOnly = new Compartment();
  const attributes = new Compartment();
  let timer = null;
  let pending = null;
  const flush = () => {
    if (pending !== null) {
      const value = pending;
      pending = null;
      dotnet.invokeMethodAsync("OnEdited", value).catch(() => {});
    }
  };

  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: options.value ?? "",
      extensions: [
        basicSetup,
        languages[options.language]?.() ?? [],
        readOnly.of(EditorState.readOnly.of(!!options.readOnly)),
        attributes.of(EditorView.contentAttributes.of(contentAttributes(options))),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.some((t) => t.annotation(fromDotnet))) {
            pending = update.state.doc.toString();
            clearTimeout(timer);
            timer = setTimeout(flush, 150);
          }
          if (update.focusChanged && !update.view.hasFocus) {
            clearTimeout(timer);
            flush();
          }
        }),
      ],
    }),
  });

  return {
    setValue(value) {
      const current = view.state.doc.toString();
      if (value !== current && pending === null) {
        view.dispatch({ changes: { from: 0, to: current.length, insert: value ?? "" }, annotations: fromDotnet.of(true) });
      }
    },
    setOptions(next) {
      view.dispatch({
        effects: [
          readOnly.reconfigure(EditorState.readOnly.of(!!next.readOnly)),
          attributes.reconfigure(EditorView.contentAttributes.of(contentAttributes(next))),
        ],
      });
    },
    focus() {
      view.focus();
    },
    dispose() {
      clearTimeout(timer);
      flush();
      view.destroy();
    },
  };
}

const fromDotnet = Annotation.define();

function contentAttributes(options) {
  const attributes = { "aria-multiline": "true" };
  if (options.labelledBy) attributes["aria-labelledby"] = options.labelledBy;
  if (options.describedBy) attributes["aria-describedby"] = options.describedBy;
  if (options.invalid) attributes["aria-invalid"] = "true";
  return attributes;
}
