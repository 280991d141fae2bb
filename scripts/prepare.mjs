// npm `prepare`: runs after `npm ci` / `npm install` in a clone and when npm installs gwcfg from a
// git URL (npm then installs the devDependencies first). Builds dist/ when the build tools are
// there. `npm pack` and `npm publish` build in `prepack` instead, so they do not build twice.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0);
let hasEsbuild = true;
try {
  createRequire(import.meta.url).resolve('esbuild');
} catch {
  hasEsbuild = false;
}
if (!hasEsbuild) {
  // An install without devDependencies: a packed tarball already holds dist/.
  if (!existsSync(new URL('../dist/gwcfg.cjs', import.meta.url))) {
    console.error('gwcfg: not building dist/ (esbuild, a devDependency, is not installed); run `npm ci` in the clone, or install a packed tarball');
  }
  process.exit(0);
}
const r = spawnSync(process.execPath, [fileURLToPath(new URL('build.mjs', import.meta.url))], { stdio: ['ignore', 2, 2] });
process.exit(r.status ?? 1);
