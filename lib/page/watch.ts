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
  const watch = createTextWatch(onChange, ignore);
  watch.observe(root);
  return () => watch.stop();
}

/** One text watcher over several roots: the document and the page's open shadow roots. */
export interface TextWatch {
  /**
   * Watches `root` too (a shadow root the block walk went into: mutations inside a shadow
   * tree are not seen from the document). Watching a root twice is the same as once.
   */
  observe(root: Node): void;
  /** Stops watching every root. */
  stop(): void;
}

export function createTextWatch(
  onChange: () => void,
  ignore: (node: Node) => boolean = () => false,
): TextWatch {
  const watched = new WeakSet<Node>();
  let stopped = false;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (!ignore(record.target)) {
        onChange();
        return;
      }
    }
  });
  return {
    observe(root) {
      if (stopped || watched.has(root)) return;
      watched.add(root);
      observer.observe(root, { childList: true, characterData: true, subtree: true });
    },
    stop() {
      stopped = true;
      observer.disconnect();
    },
  };
}
