// Loaded before every test file (scripts/test.mjs): property tests draw from one fixed seed, so
// `npm test` is reproducible in CI. `FC_SEED=random npm test` explores new inputs; `FC_SEED=<n>`
// replays a run (fast-check prints the seed of any failure).
import fc from 'fast-check';

const DEFAULT_SEED = 20261201;
const raw = process.env.FC_SEED;
const seed = raw === 'random' ? (Date.now() ^ (process.pid << 16)) | 0 : raw !== undefined && raw !== '' ? Number.parseInt(raw, 10) : DEFAULT_SEED;
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${JSON.stringify(raw)}`);
fc.configureGlobal({ seed });
