// `gwcfg lint` on a small config vs bare `node -e 0` (issue 5: target ratio <= 1.3). The rules
// load lazily, so lint's start-up should stay close to validate's.
import { benchStartup } from './startup.js';

benchStartup('gwcfg lint fixtures/configs/gateway.yaml', ['lint', '--no-config', 'fixtures/configs/gateway.yaml'], 1.3, 25);
benchStartup('gwcfg validate fixtures/configs/gateway.yaml (reference)', ['validate', 'fixtures/configs/gateway.yaml'], 1.3, 25);
