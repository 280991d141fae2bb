import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes, fixUntilStable, MAX_FIX_PASSES } from '../../src/lint/fixer.js';
import type { TextEdit } from '../../src/lint/types.js';

test('applyFixes: the first of overlapping fixes wins, touching fixes wait for the next pass', () => {
  const r = applyFixes('abcdef', [[{ range: [1, 3], text: 'X' }], [{ range: [2, 4], text: 'Y' }], [{ range: [3, 3], text: '!' }], [{ range: [5, 6], text: 'Z' }]]);
  assert.deepEqual(r, { text: 'aXdeZ', applied: 2, skipped: 2 });
});

test('applyFixes: a fix with several edits is all or nothing; malformed fixes are skipped', () => {
  assert.equal(applyFixes('abcdef', [[{ range: [4, 5], text: '2' }, { range: [0, 1], text: '1' }]]).text, '1bcd2f');
  const r = applyFixes('abc', [[{ range: [0, 1], text: 'X' }, { range: [2, 9], text: 'Y' }], [{ range: [2, 1], text: 'Q' }]]);
  assert.deepEqual(r, { text: 'abc', applied: 0, skipped: 2 });
});

const editArb = (len: number) =>
  fc.tuple(fc.integer({ min: 0, max: len }), fc.integer({ min: 0, max: 4 }), fc.string({ maxLength: 4 })).map(([s, n, text]): TextEdit => ({ range: [s, Math.min(len, s + n)], text }));

test('property: applied fixes never overlap and equal applying them one by one from the end', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 40 }).chain((text) => fc.tuple(fc.constant(text), fc.array(fc.array(editArb(text.length), { minLength: 1, maxLength: 2 }), { maxLength: 8 }))),
      ([text, fixes]) => {
        const r = applyFixes(text, fixes);
        assert.equal(r.applied + r.skipped, fixes.length);
        // Re-derive the chosen fixes and check them against a sequential reference.
        const chosen: TextEdit[] = [];
        let lastEnd = -1;
        const ordered = fixes
          .map((f, order) => ({ f: [...f].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]), order }))
          .map(({ f, order }) => ({ f, order, start: f[0].range[0], end: Math.max(...f.map((e) => e.range[1])) }))
          .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
        for (const c of ordered) {
          const ok = c.f.every((e, i) => i === 0 || e.range[0] >= c.f[i - 1].range[1]);
          if (!ok || c.start <= lastEnd) continue;
          chosen.push(...c.f);
          lastEnd = c.end;
        }
        let expected = text;
        for (const e of [...chosen].reverse()) expected = expected.slice(0, e.range[0]) + e.text + expected.slice(e.range[1]);
        assert.equal(r.text, expected);
      },
    ),
  );
});

test('fixUntilStable stops after MAX_FIX_PASSES when fixes never converge', async () => {
  let calls = 0;
  const r = await fixUntilStable('a', async (t) => {
    calls++;
    return { fixes: [[{ range: [0, 0], text: 'x' }]], result: t.length };
  });
  assert.equal(r.passes, MAX_FIX_PASSES);
  assert.equal(r.text.length, 1 + MAX_FIX_PASSES);
  assert.equal(calls, MAX_FIX_PASSES + 1);
});
