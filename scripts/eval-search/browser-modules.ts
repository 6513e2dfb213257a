// The browser search modules as plain ES modules, for pages the evaluation serves itself:
// TypeScript's own transpiler (types stripped, nothing bundled), imports of ./x.ts → ./x.js.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';

const MODULES = ['search-text.ts', 'search-engine.ts'];

/** Writes the modules into `dir`; the engine is then `${dir}/search-engine.js`. */
export async function writeBrowserModules(srcScripts: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of MODULES) {
    const source = readFileSync(join(srcScripts, name), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    await writeFile(join(dir, name.replace(/\.ts$/, '.js')), outputText.replace(/(from\s+['"]\.\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
  }
}
