import { selfAndDescendants } from "./dom.js";

// Loads a behaviour module (exporting attach(root) and detach(root)) the first time its selector matches.
export function lazyBehaviour(selector, load) {
  let module = null;
  return {
    attach(root) {
      if (selfAndDescendants(root, selector).next().done) {
        return;
      }
      module ??= load();
      module
        .then((behaviour) => behaviour.attach(root))
        .catch((error) => console.error(`FlowStudio: could not start ${selector}`, error));
    },
    detach(root) {
      module?.then((behaviour) => behaviour.detach(root));
    },
  };
}
