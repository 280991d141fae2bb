// Seeded mutations of config files for the fuzz test: byte flips, line edits, indentation, key
// typos, YAML tokens, control characters, and planted credentials (which no output may show).
import type { Uniform } from '../../src/sim/rng.js';

const SPECIAL = ['\t', '*', '&', '<<: ', ': ', '- ', '"', "'", '{', '}', '[', ']', '#', '|', '>', '!', '%', '@', '`', '\0', '\r', '\uFEFF', '\u00A0', '\u2028', '~', '?', ',', '\\', '\x1b', '\x9b', '\u202e', '\u2066', '\u200d', '\x7f', '\n'];
const TOKENS = ['os.environ/', '__proto__', 'constructor', '*a', '&a ', '<<: *a', 'include: [x.yaml]', '!!python/object ', '!!binary ', '!Ref ', '1e400', '.inf', '.nan', '-1', '0x1F', '1:30', '2024-01-01', 'yes', 'null', '[]', '{}', '---\n', '...\n', 'weight: 3', 'litellm_params:', 'model_list:', 'router_settings:', 'fallbacks: [{a: [b]}]', 'routing_strategy: latency-based-routing', 'num_retries: 1000', '"\\e[2J"', '"\\u202e"'];

/** Credentials a mutant may carry; the fuzz test checks that none reaches any output. */
export function plantedSecret(random: Uniform): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let body = '';
  for (let i = 0; i < 40; i++) body += alphabet[Math.floor(random() * alphabet.length)];
  const kinds = [`sk-ant-api03-${body}`, `sk-proj-${body}`, `AKIA${body.slice(0, 16).toUpperCase()}`, `ghp_${body}`, `AIza${body.slice(0, 35)}`];
  return kinds[Math.floor(random() * kinds.length)];
}

export interface Mutant {
  bytes: Buffer;
  applied: string[];
  /** The planted credential, when the mutant still contains it intact. */
  secret: string | null;
}

export function mutator(random: Uniform, seeds: readonly Buffer[]) {
  const ri = (n: number) => Math.floor(random() * n);
  const pick = <T>(a: readonly T[]): T => a[ri(a.length)];
  const lines = (b: Buffer) => b.toString('latin1').split('\n');
  const join = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');
  const utf8 = (b: Buffer, f: (s: string) => string) => Buffer.from(f(b.toString('utf8')), 'utf8');

  const MUTATORS: Record<string, (b: Buffer) => Buffer> = {
    byteFlip: (buf) => {
      const b = Buffer.from(buf);
      for (let i = 0, n = 1 + ri(4); i < n && b.length; i++) b[ri(b.length)] ^= 1 << ri(8);
      return b;
    },
    deleteLines: (buf) => {
      const ls = lines(buf);
      if (ls.length > 1) ls.splice(ri(ls.length), 1 + ri(3));
      return join(ls);
    },
    duplicateLine: (buf) => {
      const ls = lines(buf);
      const i = ri(ls.length);
      ls.splice(i, 0, ls[i]);
      return join(ls);
    },
    swapLines: (buf) => {
      const ls = lines(buf);
      const i = ri(ls.length);
      const j = ri(ls.length);
      [ls[i], ls[j]] = [ls[j], ls[i]];
      return join(ls);
    },
    indent: (buf) => {
      const ls = lines(buf);
      const i = ri(ls.length);
      const d = pick([-4, -2, -1, 1, 2, 4]);
      ls[i] = d > 0 ? ' '.repeat(d) + ls[i] : ls[i].replace(new RegExp(`^ {0,${-d}}`), '');
      return join(ls);
    },
    keyTypo: (buf) => {
      const ls = lines(buf);
      const kv = ls.map((l, i) => [i, /^(\s*-?\s*)([A-Za-z_][A-Za-z_0-9]*):/.exec(l)] as const).filter(([, m]) => m);
      if (kv.length === 0) return buf;
      const [i, m] = pick(kv);
      const k = m![2];
      const p = ri(k.length);
      ls[i] = m![1] + pick([k.slice(0, p) + k.slice(p + 1), k + 's', k.toUpperCase()]) + ls[i].slice(m![1].length + k.length);
      return join(ls);
    },
    insertSpecial: (buf) => utf8(buf, (s) => {
      const p = ri(s.length + 1);
      return s.slice(0, p) + pick(SPECIAL) + s.slice(p);
    }),
    insertToken: (buf) => utf8(buf, (s) => {
      const p = ri(s.length + 1);
      return s.slice(0, p) + pick(TOKENS) + s.slice(p);
    }),
    truncate: (buf) => buf.subarray(0, ri(buf.length + 1)),
    spliceOther: (buf) => {
      const other = lines(pick(seeds));
      const ls = lines(buf);
      const i = ri(other.length);
      ls.splice(ri(ls.length), 0, ...other.slice(i, i + 1 + ri(10)));
      return join(ls);
    },
    lineEnds: (buf) => Buffer.from(buf.toString('latin1').replace(/\n/g, pick(['\r\n', '\r', '\n\n'])), 'latin1'),
  };
  const names = Object.keys(MUTATORS);

  /** Puts a credential where configs carry values: a value, a key, after os.environ/, in a URL. */
  function plant(buf: Buffer, secret: string): Buffer {
    const ls = buf.toString('utf8').split('\n');
    const kv = ls.map((l, i) => [i, /^(\s*-?\s*[A-Za-z_][A-Za-z_0-9]*:)\s*\S.*$/.exec(l)] as const).filter(([, m]) => m);
    const form = pick([`${secret}`, `"${secret}"`, `os.environ/${secret}`, `https://user:${secret}@h.example.com/v1`, `[${secret}]`]);
    if (kv.length > 0 && random() < 0.7) {
      const [i, m] = pick(kv);
      ls[i] = `${m![1]} ${form}`;
    } else {
      const i = ri(ls.length + 1);
      const indent = /^\s*/.exec(ls[Math.min(i, ls.length - 1)] ?? '')?.[0] ?? '';
      ls.splice(i, 0, `${indent}${secret}: 1`);
    }
    return Buffer.from(ls.join('\n'), 'utf8');
  }

  return function mutate(seed: Buffer): Mutant {
    let bytes = seed;
    const applied: string[] = [];
    for (let i = 0, k = 1 + ri(3); i < k; i++) {
      const name = pick(names);
      applied.push(name);
      bytes = MUTATORS[name](bytes);
    }
    let secret: string | null = null;
    if (random() < 0.5) {
      secret = plantedSecret(random);
      bytes = plant(bytes, secret);
      applied.push('plantSecret');
      if (!bytes.includes(secret)) secret = null;
    }
    return { bytes, applied, secret };
  };
}
