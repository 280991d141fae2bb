// npm (11.16 on) warns at every `npm ci` about dependencies whose install scripts package.json's
// `allowScripts` does not cover, and npm 12 skips those scripts. Every installed package with an
// install script is reviewed there: esbuild's postinstall checks (and if need be fetches) its
// platform binary, which the build runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/** Names of the packages under `dir` (a node_modules folder, nested ones included) that have an install script. */
function withInstallScripts(dir: string, out = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const packages = entry.name.startsWith('@') ? readdirSync(join(dir, entry.name)).map((n) => join(entry.name, n)) : [entry.name];
    for (const name of packages) {
      const manifest = join(dir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const scripts = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
      if (INSTALL_SCRIPTS.some((s) => s in scripts)) out.add(name.replace(/\\/g, '/'));
      const nested = join(dir, name, 'node_modules');
      if (existsSync(nested)) withInstallScripts(nested, out);
    }
  }
  return out;
}

test("every installed dependency with an install script is reviewed in package.json's allowScripts", () => {
  const allowed = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
  const names = new Set(Object.keys(allowed).map((key) => key.replace(/(.)@.*$/, '$1'))); // "pkg@1.2.3" or "pkg"
  const unreviewed = [...withInstallScripts(join(ROOT, 'node_modules'))].filter((name) => !names.has(name));
  assert.deepEqual(unreviewed, []);
  assert.ok(names.has('esbuild'));
});
