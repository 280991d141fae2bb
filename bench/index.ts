// `npm run bench`: builds the CLI, then runs every bench/*.ts (or the ones named) in turn.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchScripts } from './list.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const wanted = process.argv.slice(2);
spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
for (const file of benchScripts(readdirSync(`${ROOT}bench`))) {
  if (wanted.length && !wanted.some((w) => file.startsWith(w))) continue;
  console.log(`\n== bench/${file}`);
  // --expose-gc lets the memory benches force a collection before reading the heap.
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${file}`], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
