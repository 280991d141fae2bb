// Health checks. The caller runs the probes (every intervalMs, each with timeoutMs) and reports
// them with onProbe; this module only decides what they mean for routing.
//  - 'thresholds' (gwcfg extension, router_settings.health_check_interval): `allowed_fails`
//    consecutive failed probes mark a deployment unhealthy; it stays out for at least
//    `cooldown_time`, and `success_threshold` consecutive good probes bring it back.
//  - 'latest' ([2026] enable_health_check_routing): the latest probe failed and is younger than
//    health_check_staleness_threshold → filtered out, unless that would filter out everything.
//  - 'none': probes run (background_health_checks) but do not affect routing (LiteLLM ≤2025).
import type { DeploymentView } from './types.js';
import type { HealthCheckSettings } from './config.js';

export class HealthChecks {
  private readonly lastAt: Float64Array;
  private readonly lastOk: Uint8Array;
  private readonly failRun: Int32Array;
  private readonly okRun: Int32Array;
  private readonly down: Uint8Array;
  private readonly downSince: Float64Array;

  constructor(
    slots: number,
    readonly settings: HealthCheckSettings | null,
    private readonly deployments: readonly DeploymentView[],
  ) {
    this.routing = settings?.routing ?? 'none';
    this.lastAt = new Float64Array(slots).fill(-Infinity);
    this.lastOk = new Uint8Array(slots).fill(1);
    this.failRun = new Int32Array(slots);
    this.okRun = new Int32Array(slots);
    this.down = new Uint8Array(slots);
    this.downSince = new Float64Array(slots);
  }

  readonly routing: 'none' | 'thresholds' | 'latest';

  intervalMs(): number | null {
    return this.settings ? this.settings.intervalMs : null;
  }

  timeoutMs(deployment: number): number {
    return this.deployments[deployment]?.healthCheckTimeoutMs ?? this.settings?.timeoutMs ?? 60_000;
  }

  onProbe(slot: number, ok: boolean, nowMs: number): void {
    const s = this.settings;
    if (!s) return;
    this.lastAt[slot] = nowMs;
    this.lastOk[slot] = ok ? 1 : 0;
    if (ok) {
      this.okRun[slot] += 1;
      this.failRun[slot] = 0;
      if (this.down[slot] && this.okRun[slot] >= s.successThreshold && nowMs >= this.downSince[slot] + s.minDownMs) {
        this.down[slot] = 0;
      }
    } else {
      this.failRun[slot] += 1;
      this.okRun[slot] = 0;
      if (!this.down[slot] && this.failRun[slot] >= s.failThreshold) {
        this.down[slot] = 1;
        this.downSince[slot] = nowMs;
      }
    }
  }

  /** Whether probes exclude this slot from routing now. */
  excluded(slot: number, nowMs: number): boolean {
    const s = this.settings;
    if (!s) return false;
    if (s.routing === 'thresholds') return this.down[slot] === 1;
    if (s.routing === 'latest') return this.lastOk[slot] === 0 && nowMs - this.lastAt[slot] <= s.stalenessMs;
    return false;
  }
}
