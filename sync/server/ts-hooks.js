// Module hooks for register.js: load .ts files (outside node_modules) as ES modules with their types erased.
// Oxc through Vite (a dev dependency already, and fast to load) does the stripping; TypeScript's transpileModule
// is the fallback. Only type syntax is removed: imports not marked `import type` are kept, as Node's own
// --experimental-strip-types does.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const strip = await (async () => {
  try {
    const { transformWithOxc } = await import('vite');
    return async (source, file) =>
      (await transformWithOxc(source, file, { lang: 'ts', typescript: { onlyRemoveTypeImports: true }, sourcemap: false })).code;
  } catch {
    const { default: ts } = await import('typescript');
    const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true };
    return async (source, file) => ts.transpileModule(source, { compilerOptions, fileName: file }).outputText;
  }
})();

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !/\.m?ts$/.test(url) || url.includes('/node_modules/')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  return { format: 'module', source: await strip(await readFile(file, 'utf8'), file), shortCircuit: true };
}
