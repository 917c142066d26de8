/**
 * Calls `onChange` when the text of the page changes (nodes added or removed, text
 * edited), ignoring changes inside nodes for which `ignore` returns true (the
 * extension's own UI). Attribute changes are not watched: they do not change text.
 * Returns a function that stops watching.
 */
export function watchTextChanges(
  root: Node,
  onChange: () => void,
  ignore: (node: Node) => boolean = () => false,
): () => void {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (!ignore(record.target)) {
        onChange();
        return;
      }
    }
  });
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  return () => observer.disconnect();
}
