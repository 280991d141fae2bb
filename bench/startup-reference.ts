// The reference the start-up target was set against (issue 2: "a bundled yaml + precompiled-ajv
// prototype reached 1.2 on these machines"), rebuilt so every run measures it beside gwcfg:
// read a config, parse it with the yaml package, check it with the precompiled ajv validator,
// print one line. No PyYAML checks, no lint, no CLI. bench/startup.ts bundles it with esbuild
// and runs it through a launcher with a V8 code cache, as bin/gwcfg.js runs gwcfg.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import validate from '../src/schema/generated/litellm-config.js';

const file = process.argv[2];
const doc = parseDocument(readFileSync(file, 'utf8'), { version: '1.1' });
const check = validate as unknown as ((data: unknown) => boolean) & { errors?: unknown[] };
process.stdout.write(check(doc.toJS()) ? `${file}: ok\n` : `${file}: ${check.errors?.length ?? 0} schema errors\n`);
