/**
 * Wraps `load` so that every call shares one pending or fulfilled promise. A
 * rejected load is forgotten, so the next call starts it again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (pending === null) {
      const started = load();
      pending = started;
      started.catch(() => {
        if (pending === started) pending = null;
      });
    }
    return pending;
  };
}
