// The behaviour flags of a release (src/routing/releases.ts behaviourFlags), computed once per
// release object: rules ask per deployment, and each computation parses every row's release
// strings (about 40 rows), which a lint run of a small config paid dozens of times at start-up.
import { behaviourFlags, type BehaviourFlags, type Release } from '../../../routing/releases.js';

const computed = new WeakMap<Release, BehaviourFlags>();

export function flagsOf(release: Release): BehaviourFlags {
  let flags = computed.get(release);
  if (!flags) {
    flags = behaviourFlags(release);
    computed.set(release, flags);
  }
  return flags;
}
