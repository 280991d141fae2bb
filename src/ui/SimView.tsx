// Live view of a running simulation (ink): a progress bar over simulated time with throughput,
// and one row per deployment with its share of calls, errors, p95 latency and router state.
import React from 'react';
import { Box, Text } from 'ink';
import type { LiveSnapshot } from '../sim/run.js';
import { abbreviate, width as displayWidth } from '../sim/report/fit.js';

export interface SimViewProps {
  snapshot: LiveSnapshot;
  /** Simulated client requests per wall-clock second. */
  requestsPerSecond: number;
  /** Label of the run (strategy). */
  title: string;
  width?: number;
  finished?: boolean;
  /** Terminal width: deployment names are abbreviated (keeping their `[region]` part) so rows fit. */
  columns?: number;
}

/** Columns of a deployment row besides its name: share, errors, p95, the longest state, and spaces. */
const ROW_REST = 35;

const STATE_COLOURS: Record<string, string> = { healthy: 'green', cooldown: 'yellow', open: 'red', 'half-open': 'yellow', unhealthy: 'red' };

export function progressBar(fraction: number, width: number): string {
  const f = Math.max(0, Math.min(1, fraction));
  const full = Math.round(f * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

function pad(value: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(value)));
  return right ? fill + value : value + fill;
}

export function SimView({ snapshot, requestsPerSecond, title, width = 30, finished = false, columns }: SimViewProps): React.ReactElement {
  const fraction = snapshot.endMs > 0 && Number.isFinite(snapshot.endMs) ? snapshot.nowMs / snapshot.endMs : 0;
  // Past the arrival window the run only finishes calls in flight: show the window, not the overrun.
  const draining = !finished && Number.isFinite(snapshot.endMs) && snapshot.nowMs > snapshot.endMs;
  const simSeconds = ((draining ? snapshot.endMs : snapshot.nowMs) / 1000).toFixed(0);
  const endSeconds = Number.isFinite(snapshot.endMs) ? (snapshot.endMs / 1000).toFixed(0) : '?';
  const layout = { width: columns ?? Infinity, unicode: true };
  const nameWidth = Math.min(48, Math.max(10, ...snapshot.deployments.map((d) => displayWidth(d.name))), Math.max(10, layout.width - ROW_REST));
  return (
    <Box flexDirection="column">
      <Text>
        {finished ? 'done ' : 'simulating '}
        <Text bold>{title}</Text>
      </Text>
      <Text>
        {progressBar(Math.min(1, fraction), width)} {simSeconds}s / {endSeconds}s simulated · {snapshot.completed} requests ·{' '}
        {Math.round(requestsPerSecond)} req/s{draining ? ' · finishing calls in flight' : ''}
      </Text>
      <Text> </Text>
      <Text bold>
        {pad('deployment', nameWidth)} {pad('share', 7, true)} {pad('errors', 7, true)} {pad('p95 ms', 8, true)} state
      </Text>
      {snapshot.deployments.map((d) => (
        <Text key={d.index}>
          {pad(abbreviate(d.name, nameWidth, layout), nameWidth)} {pad(`${(d.share * 100).toFixed(1)}%`, 7, true)} {pad(String(d.errors), 7, true)}{' '}
          {pad(d.p95.toFixed(0), 8, true)} <Text color={STATE_COLOURS[d.state] ?? 'white'}>{d.state}</Text>
        </Text>
      ))}
    </Box>
  );
}
