// `gwcfg validate` on a small config vs bare `node -e 0` (issue: target ratio <= 1.3).
import { benchStartup } from './startup.js';

benchStartup('gwcfg validate fixtures/configs/gateway.yaml', ['validate', 'fixtures/configs/gateway.yaml'], 1.3);
