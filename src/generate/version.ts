// LiteLLM version strings ("1.75.0", "v1.81.3-stable", "1.74.9.post1") compared numerically.

const VERSION_RE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[.+-].*)?$/;

export function isVersion(text: string): boolean {
  return VERSION_RE.test(text.trim());
}

function parts(text: string): [number, number, number] {
  const m = VERSION_RE.exec(text.trim());
  if (!m) throw new Error(`not a LiteLLM version: '${text}'`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** Negative when a < b, 0 when equal (major.minor.patch only), positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** `undefined` and "latest" both mean the newest names. */
export function normalizeVersion(text: string | undefined): string | undefined {
  if (text === undefined || text === '' || text === 'latest') return undefined;
  if (!isVersion(text)) throw new Error(`--litellm-version: expected a version like 1.75.0 or 'latest', got '${text}'`);
  return text.trim();
}
