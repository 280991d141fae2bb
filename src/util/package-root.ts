// The installed package's root (where package.json, schemas/ and docs/ live), found from this
// module's location, which differs between the sources (src/...) and the bundle (dist/...).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  cached = dir;
  return dir;
}
