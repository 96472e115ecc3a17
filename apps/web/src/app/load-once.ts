import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

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

/** A module loaded on demand, and the module itself once it has arrived. */
export interface ChunkLoader<T> {
  load: () => Promise<T>;
  loaded: () => T | undefined;
}

/** Wraps a dynamic import with `loadOnce` and keeps the module once it has arrived. */
export function chunkLoader<T>(importChunk: () => Promise<T>): ChunkLoader<T> {
  let module: T | undefined;
  const load = loadOnce(async () => {
    module = await importChunk();
    return module;
  });
  return { load, loaded: () => module };
}

/**
 * Makes a `React.lazy` component from a chunk loader. When the chunk has
 * already arrived, the component renders at once: React suspends on any
 * promise, even a settled one, and then keeps the fallback on screen for about
 * 300 ms, so a thenable that resolves synchronously is passed instead.
 */
export function lazyFromChunk<T, P extends object>(
  chunk: ChunkLoader<T>,
  pick: (module: T) => ComponentType<P>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => {
    const module = chunk.loaded();
    if (module === undefined) return chunk.load().then((loaded) => ({ default: pick(loaded) }));
    const ready = { default: pick(module) };
    return { then: (resolve: (value: typeof ready) => void) => resolve(ready) } as PromiseLike<typeof ready> as Promise<typeof ready>;
  });
}
