// Yields root itself when it matches, then its matching descendants: htmx hands us the swapped element.
export function* selfAndDescendants(root, selector) {
  if (root instanceof Element && root.matches(selector)) {
    yield root;
  }
  if (root.querySelectorAll) {
    yield* root.querySelectorAll(selector);
  }
}
