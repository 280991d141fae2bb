// Live view of a running simulation (ink): a progress bar over simulated time with throughput,
// and one row per deployment with its share of calls, errors, p95 latency and router state.
import React from 'react';
import { Box, Text } from 'ink';
import type { LiveSnapshot } from '../sim/run.js';

export interface SimViewProps {
  snapshot: LiveSnapshot;
  /** Simulated client requests per wall-clock second. */
  requestsPerSecond: number;
  /** Label of the run (strategy). */
  title: string;
  width?: number;
  finished?: boolean;
}

const STATE_COLOURS: Record<string, string> = { healthy: 'green', cooldown: 'yellow', open: 'red', 'half-open': 'yellow', unhealthy: 'red' };

export function progressBar(fraction: number, width: number): string {
  const f = Math.max(0, Math.min(1, fraction));
  const full = Math.round(f * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

function pad(value: string, width: number, right = false): string {
  return right ? value.padStart(width) : value.padEnd(width);
}

export function SimView({ snapshot, requestsPerSecond, title, width = 30, finished = false }: SimViewProps): React.ReactElement {
  const fraction = snapshot.endMs > 0 && Number.isFinite(snapshot.endMs) ? snapshot.nowMs / snapshot.endMs : 0;
  // Past the arrival window the run only finishes calls in flight: show the window, not the overrun.
  const draining = !finished && Number.isFinite(snapshot.endMs) && snapshot.nowMs > snapshot.endMs;
  const simSeconds = ((draining ? snapshot.endMs : snapshot.nowMs) / 1000).toFixed(0);
  const endSeconds = Number.isFinite(snapshot.endMs) ? (snapshot.endMs / 1000).toFixed(0) : '?';
  const nameWidth = Math.min(48, Math.max(10, ...snapshot.deployments.map((d) => d.name.length)));
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
          {pad(d.name.slice(0, nameWidth), nameWidth)} {pad(`${(d.share * 100).toFixed(1)}%`, 7, true)} {pad(String(d.errors), 7, true)}{' '}
          {pad(d.p95.toFixed(0), 8, true)} <Text color={STATE_COLOURS[d.state] ?? 'white'}>{d.state}</Text>
        </Text>
      ))}
    </Box>
  );
}
