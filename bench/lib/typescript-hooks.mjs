// Node.js module hooks that load the web app's TypeScript sources as ES
// modules, so a benchmark can call them without a build step. Types are
// stripped with TypeScript's transpileModule; nothing is type-checked here.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
};

export async function resolve(specifier, context, nextResolve) {
  // Sources import each other as `./name.js` (NodeNext style) while the file is `name.ts`.
  const fromTypeScript = context.parentURL?.endsWith('.ts') || context.parentURL?.endsWith('.tsx');
  if (fromTypeScript && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const candidate = new URL(specifier, context.parentURL);
    const path = fileURLToPath(candidate);
    if (!existsSync(path)) {
      for (const extension of ['.ts', '.tsx']) {
        const typescriptPath = path.slice(0, -'.js'.length) + extension;
        if (existsSync(typescriptPath)) return { url: pathToFileURL(typescriptPath).href, shortCircuit: true };
      }
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts') && !url.endsWith('.tsx')) return nextLoad(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const output = ts.transpileModule(source, { compilerOptions, fileName: fileURLToPath(url) });
  return { format: 'module', source: output.outputText, shortCircuit: true };
}
