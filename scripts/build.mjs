// Build: precompile schemas to ajv standalone validators, then bundle the CLI with esbuild.
// Lazy command parts (lint rules, simulator, ink UI, generators) become separate chunks.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['scripts/compile-schemas.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { gwcfg: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // react-devtools-core is an optional ink peer used only when DEV=true.
  external: ['react-devtools-core'],
  banner: { js: "import { createRequire as __gwcfgCreateRequire } from 'node:module'; const require = __gwcfgCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log('built dist/gwcfg.js');
