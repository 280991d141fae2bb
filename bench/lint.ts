// `gwcfg lint` on a small config vs bare `node -e 0` (issue 5: target ratio <= 1.3). The rules
// load lazily, so lint's start-up should stay close to validate's. The first line lints a clean
// config (the common case in pre-commit hooks); the second one a config with findings, which
// also pays for creating stdout and formatting. 45 rounds (startup.ts ROUNDS): with 25, one run's
// median moved by up to ±0.06 between runs on the same machine, more than the distance to the target.
import { benchStartup } from './startup.js';

benchStartup('gwcfg lint fixtures/configs/gateway.yaml (clean)', ['lint', '--no-config', 'fixtures/configs/gateway.yaml'], 1.3);
benchStartup('gwcfg lint fixtures/seed/06-weighted-round-robin.yaml (findings)', ['lint', '--no-config', 'fixtures/seed/06-weighted-round-robin.yaml'], 1.3);
benchStartup('gwcfg validate fixtures/configs/gateway.yaml (for comparison)', ['validate', 'fixtures/configs/gateway.yaml'], 1.3);
