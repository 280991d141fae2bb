#!/usr/bin/env node
// Launcher of the bundled CLI. Compiles dist/gwcfg.cjs with a V8 code cache, which halves the
// start-up cost of `gwcfg validate` on Node 20 (no built-in compile cache there).
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../dist/gwcfg.cjs', import.meta.url));
const cacheFile = `${file}.cache`;
let source;
try {
  source = readFileSync(file, 'utf8');
} catch {
  process.stderr.write('gwcfg: the CLI is not built yet; run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
const require = createRequire(file);
const dynamicImport = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
if (!dynamicImport) {
  // Node before 20.17: no dynamic import() from vm scripts; load the bundle plainly.
  require(file);
} else {
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData, importModuleDynamically: dynamicImport });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, require, module, file, dirname(file));
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
}
