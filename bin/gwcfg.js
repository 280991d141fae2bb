#!/usr/bin/env node
// Thin launcher of the bundled CLI (built by `npm run build` into dist/).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/gwcfg.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('gwcfg: the CLI is not built yet; run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
await import(bundle.href);
