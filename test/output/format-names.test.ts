// The -f/--format choices come from names.ts so that the option parser does not load the
// formatters (and chalk) on every run; they must stay the formatters' own names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatters } from '../../src/diagnostics/formatters/index.js';
import { formatNames } from '../../src/diagnostics/formatters/names.js';

test('names.ts lists exactly the formatters of index.ts, in order', () => {
  assert.deepEqual([...formatNames], Object.keys(formatters));
});
