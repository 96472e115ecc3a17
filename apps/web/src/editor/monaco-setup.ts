/**
 * Bundles Monaco with only what a SQL console needs, and hands it to
 * `@monaco-editor/react` before any editor mounts so nothing is fetched from a
 * CDN. monaco-editor 0.57 publishes its ESM files under `monaco-editor/<path>`
 * (its package exports map `./*` to `./esm/vs/*.js`).
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/sql/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

// Editor features beyond the bare API; the rest stay out to keep this chunk
// under 800 KB gzip. Left out on purpose: hover (the error panel shows the
// underline's message), the clipboard and context menu contributions (Ctrl+C,
// Ctrl+X and Ctrl+V work through the browser) and F8 go-to-error.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/toggleTabFocusMode/register';

// SQL has no language worker, so the editor worker is the only one ever started.
self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

loader.config({ monaco });

export { monaco };
export type Monaco = typeof monaco;
