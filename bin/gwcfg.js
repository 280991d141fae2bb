#!/usr/bin/env node
// Launcher of the bundled CLI (CommonJS, see bin/package.json: the ESM loader costs start-up
// time that `gwcfg validate` in pre-commit hooks should not pay). Compiles dist/gwcfg.cjs with a
// V8 code cache, which Node 20 has no built-in equivalent of.
'use strict';
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'gwcfg.cjs');
const cacheFile = `${file}.cache`;
let source;
try {
  source = readFileSync(file, 'latin1'); // esbuild emits ASCII only (charset: ascii), and latin1 decodes fastest
} catch {
  process.stderr.write('gwcfg: the CLI is not built yet; run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
// The bundle's import() calls (command bundles, ink) run from here: a vm.Script has no module
// loader of its own, and this CommonJS file does.
globalThis.__gwcfgImport = (specifier) => import(specifier);
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}
const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new vm.Script(wrapper, { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, file, join(__dirname, '..', 'dist'));
if (!cachedData || script.cachedDataRejected || process.env.GWCFG_WRITE_CODE_CACHE) {
  process.once('exit', () => {
    try {
      const temp = `${cacheFile}.${process.pid}`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // A read-only install keeps working, only without the cache.
    }
  });
}
