import { chunkLoader, lazyFromChunk } from '../app/load-once.js';

/** The SQL editor with Monaco, the largest part of the app, loaded after the first screen. */
export const editorChunk = chunkLoader(() => import('./SqlEditor.js'));

export const LazySqlEditor = lazyFromChunk(editorChunk, (module) => module.default);
