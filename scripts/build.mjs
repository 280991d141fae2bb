// Build: precompile schemas to ajv standalone validators, then bundle the CLI with esbuild.
//
// Start-up speed: Node 20 has no module compile cache, so the CLI is one CommonJS bundle that
// bin/gwcfg.js compiles through vm.Script with a V8 code cache (made on the first run in the
// user's cache directory; the warm-up run here makes it for this machine). Command-specific modules are lazily initialised inside the bundle; ink and
// React stay external (ESM with top-level await) and load only for the simulate TTY view.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['scripts/compile-schemas.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// commander loads node:child_process at start-up (~1.5 ms) only to run executable subcommands,
// which gwcfg has none of: load it on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error('commander changed: update the lazy-child-process plugin in scripts/build.mjs');
      const lazy = "let childProcessModule; const childProcess = new Proxy({}, { get: (_, key) => (childProcessModule ??= require('node:child_process'))[key] });";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

// gwcfg decides colour itself (--color, NO_COLOR, FORCE_COLOR, TTY) and always gives chalk an
// explicit level, so chalk's own terminal detection (up to ~3 ms at start-up) is never used.
const noColorDetection = {
  name: 'no-color-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'gwcfg-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'gwcfg-stub' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

// node:module is needed only for createRequire (write-file-atomic for -o, ajv's compiler for rule
// options, fdir's optional picomatch), yet requiring it at load also loads Node's ESM loader and
// source-map modules (~1 ms). In the start-up bundle it is a stub whose createRequire loads it on
// the first call; a module importing anything else from it fails the build here.
const lazyNodeModule = {
  name: 'lazy-node-module',
  setup(build) {
    build.onResolve({ filter: /^(node:)?module$/ }, (args) => (args.namespace === 'gwcfg-lazy-module' ? { path: 'node:module', external: true } : { path: 'node:module', namespace: 'gwcfg-lazy-module' }));
    build.onLoad({ filter: /.*/, namespace: 'gwcfg-lazy-module' }, () => ({
      contents: "export function createRequire(from) { return require('node:module').createRequire(from); }",
      loader: 'js',
    }));
  },
};

// LiteLLM's model map (~270 kB of text) is only read when a lint rule looks a model up: in the
// start-up bundle it is a stub whose fields read dist/model-map.txt on first use, so a validate
// run (or a lint run that looks nothing up) neither reads it nor carries it in the bundle and its
// code cache. The file is the rows text as it is (read, not parsed: no module to compile, no JSON
// string to unescape) after one JSON line with the other fields. The command bundles keep their
// own copy. src/model-map/builtin-data.ts is generated (scripts/refresh-model-map.mts) as JSON.
function builtinModelMapParts() {
  const text = readFileSync(new URL('../src/model-map/builtin-data.ts', import.meta.url), 'utf8');
  const file = /^export const BUILTIN_MAP_FILE = ("[^"\n]*");$/m.exec(text);
  const date = /^export const BUILTIN_MAP_DATE: string \| null = ("[^"\n]*"|null);$/m.exec(text);
  const data = /^export const BUILTIN_MAP_TEXT: ModelIndexText = (\{.*\});$/m.exec(text);
  if (!file || !date || !data) throw new Error('src/model-map/builtin-data.ts changed: update builtinModelMapParts in scripts/build.mjs');
  const { rows, ...rest } = JSON.parse(data[1]);
  const contents = `${JSON.stringify(rest)}\n${rows}`;
  // ASCII (the usual case) reads fastest as latin1
  return { file: file[1], date: date[1], contents, encoding: /^[\x00-\x7f]*$/.test(contents) ? 'latin1' : 'utf8' };
}
const lazyModelMap = {
  name: 'lazy-model-map',
  setup(build) {
    build.onLoad({ filter: /src[\\/]model-map[\\/]builtin-data\.ts$/ }, () => {
      const { file, date, encoding } = builtinModelMapParts();
      const contents = [
        `export const BUILTIN_MAP_FILE = ${file};`,
        `export const BUILTIN_MAP_DATE = ${date};`,
        'let data;',
        'function load() {',
        `  const text = require('node:fs').readFileSync(require('node:path').join(__dirname, 'model-map.txt'), '${encoding}');`,
        "  const eol = text.indexOf('\\n');",
        '  return (data ??= { ...JSON.parse(text.slice(0, eol)), rows: text.slice(eol + 1) });',
        '}',
        'export const BUILTIN_MAP_TEXT = {',
        '  get rows() { return (data ?? load()).rows; },',
        '  get lower() { return (data ?? load()).lower; },',
        '  get providers() { return (data ?? load()).providers; },',
        '  get size() { return (data ?? load()).size; },',
        '};',
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};

// Split points: command implementations that validate and lint never need become bundles of
// their own, loaded by a real dynamic import() when their command runs, so the code-cached
// start-up bundle stays small. The ink view is ESM (ink uses top-level await, which require()
// cannot load). Each entry: [importer, specifier] → output file in dist/.
const SPLITS = [
  { importer: 'src/cli/simulate.ts', specifier: '../sim/command.js', entry: 'src/sim/command.ts', out: 'simulate.cjs' },
  { importer: 'src/cli/generate.ts', specifier: '../generate/index.js', entry: 'src/generate/index.ts', out: 'generate.cjs' },
  { importer: 'src/cli/calibrate.ts', specifier: '../calibrate/command.js', entry: 'src/calibrate/command.ts', out: 'calibrate.cjs' },
  { importer: 'src/cli/tune.ts', specifier: '../tune/command.js', entry: 'src/tune/command.ts', out: 'tune.cjs' },
  { importer: 'src/cli/check-metrics.ts', specifier: '../generate/check/run.js', entry: 'src/generate/check/run.ts', out: 'check-metrics.cjs' },
  { importer: 'src/sim/command.ts', specifier: './report/html.js', entry: 'src/sim/report/html.ts', out: 'report.cjs' },
  { importer: 'src/ui/live.ts', specifier: './SimView.js', entry: 'src/ui/SimView.tsx', out: 'ui-view.mjs' },
];
const splitPoints = {
  name: 'split-points',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const split = SPLITS.find((s) => s.importer === relative(root, args.importer) && s.specifier === args.path);
      return split ? { path: `./${split.out}`, external: true } : undefined;
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.GWCFG_NO_MINIFY !== '1', // GWCFG_NO_MINIFY=1 for readable profiles
  legalComments: 'none',
  // react-devtools-core is an optional ink peer used only when DEV=true.
  // ajv's compiler (used only for .gwcfg.yaml rule options) loads from node_modules when needed,
  // so it stays out of the code-cached start-up bundle.
  external: ['react-devtools-core', 'ink', 'react', 'react/jsx-runtime', 'ink-testing-library', 'ajv/dist/2020.js'],
  jsx: 'automatic',
  plugins: [lazyChildProcess, noColorDetection, splitPoints],
  logLevel: 'warning',
};

const cjs = {
  ...common,
  format: 'cjs',
  // import.meta.url is the bundle's file URL, made on first use: the start-up path never reads
  // it, and pathToFileURL at load cost ~0.5 ms (a cold URL parse).
  define: { 'import.meta.url': '__gwcfgMeta.url' },
  banner: { js: "const __gwcfgMeta = { get url() { return (this.href ??= require('node:url').pathToFileURL(__filename).href); } };" },
};
const esm = { ...common, format: 'esm', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };
await build({ ...cjs, plugins: [...cjs.plugins, lazyModelMap, lazyNodeModule], entryPoints: ['src/cli/main.ts'], outfile: 'dist/gwcfg.cjs' });
writeFileSync(`${root}dist/model-map.txt`, builtinModelMapParts().contents);
for (const split of SPLITS) await build({ ...(split.out.endsWith('.mjs') ? esm : cjs), entryPoints: [split.entry], outfile: `dist/${split.out}` });
for (const file of ['gwcfg.cjs', ...SPLITS.filter((s) => s.out.endsWith('.cjs')).map((s) => s.out)]) routeDynamicImports(`dist/${file}`);

/**
 * The start-up bundle runs as a vm.Script (for its code cache), where import() has no module
 * loader of its own. Its remaining import() calls (split bundles, ink, react) go through
 * globalThis.__gwcfgImport, set by bin/gwcfg.js, with relative paths made absolute.
 */
function routeDynamicImports(file) {
  const path = `${root}${file}`;
  const text = readFileSync(path, 'utf8').replace(/\bimport\((["'])([^"']+)\1\)/g, (_, q, specifier) =>
    specifier.startsWith('.') ? `globalThis.__gwcfgImport(require("node:path").join(__dirname,${q}${specifier}${q}))` : `globalThis.__gwcfgImport(${q}${specifier}${q})`,
  );
  writeFileSync(path, text);
}
// A build id on the first line keys the launcher's V8 code cache to this exact bundle. The bundle
// comes wrapped in the CommonJS module function the launcher calls, so the launcher compiles the
// file's text as it is (no 1 MB string concatenation and copy at every start).
{
  const path = `${root}dist/gwcfg.cjs`;
  const text = readFileSync(path, 'utf8');
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(path, `// gwcfg-build ${id}\n(function (exports, require, module, __filename, __dirname) {${text}\n})`);
}
// Worker threads of `simulate --compare` load their own entry.
await build({ ...esm, entryPoints: { worker: 'src/sim/worker.ts' }, outdir: 'dist' });

// Warm the code caches (one per command, see bin/gwcfg.js) of the two start-up-critical commands,
// each with a clean config and one with findings, so that the cache holds the report formatting too
// (a cache holds only what its run compiled; a user's cache is made by their first run).
for (const command of ['lint', 'validate']) {
  const files = ['fixtures/configs/gateway.yaml', command === 'lint' ? 'fixtures/seed/06-weighted-round-robin.yaml' : 'fixtures/configs/broken.yaml'];
  spawnSync(process.execPath, ['bin/gwcfg.js', command, ...files], { cwd: root, stdio: 'ignore', env: { ...process.env, GWCFG_WRITE_CODE_CACHE: '1' } });
}
// stderr: `npm pack` runs this build in prepack, and tools read the tarball name from its stdout.
console.error('built dist/gwcfg.cjs');
