/**
 * Secrets are masked before any line leaves triage (excerpt, signature, evidence). The runner
 * masks only secrets it knows; transformed or unregistered credentials still reach the log.
 * Patterns follow gitleaks and the secretlint recommended preset (see
 * ../shared/research/security-anchors.md §4); every quantifier is bounded, so a capped line
 * cannot make them backtrack.
 */

export type RedactionCounts = Record<string, number>

interface SecretPattern {
  family: string
  pattern: RegExp
  /** Replacement; `$1` keeps a non-secret prefix such as a header name or URL scheme. */
  replace: string
}

const PATTERNS: readonly SecretPattern[] = [
  {
    family: 'private-key',
    pattern: /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,10000}?(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|$)/g,
    replace: '[redacted:private-key]'
  },
  { family: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, replace: '[redacted:github-token]' },
  { family: 'aws-access-key', pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g, replace: '[redacted:aws-access-key]' },
  { family: 'slack-webhook', pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{8,300}/g, replace: '[redacted:slack-webhook]' },
  { family: 'slack-token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,250}|\bxapp-\d-[A-Za-z0-9-]{10,250}/g, replace: '[redacted:slack-token]' },
  { family: 'anthropic-key', pattern: /\bsk-ant-[a-z]{2,10}\d{2}-[A-Za-z0-9_-]{20,200}/g, replace: '[redacted:anthropic-key]' },
  { family: 'openai-key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}/g, replace: '[redacted:openai-key]' },
  { family: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, replace: '[redacted:npm-token]' },
  { family: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,100}/g, replace: '[redacted:gitlab-token]' },
  { family: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: '[redacted:google-api-key]' },
  { family: 'stripe-key', pattern: /\b[rs]k_(?:live|test)_[0-9A-Za-z]{16,200}/g, replace: '[redacted:stripe-key]' },
  { family: 'pypi-token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,300}/g, replace: '[redacted:pypi-token]' },
  {
    family: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{6,4000}\.eyJ[A-Za-z0-9_-]{6,4000}\.[A-Za-z0-9_-]{0,4000}/g,
    replace: '[redacted:jwt]'
  },
  {
    family: 'url-credentials',
    pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/)[^\s:@/]{1,200}:[^\s@/]{1,200}@/gi,
    replace: '$1[redacted:url-credentials]@'
  },
  {
    family: 'auth-header',
    pattern: /\b(Authorization:\s{0,5}(?:Bearer|Basic|token|Token|Bot)\s{1,5}|Bearer\s{1,5}|Basic\s{1,5})(?=[A-Za-z0-9._~+/=-]{0,500}[0-9=])[A-Za-z0-9._~+/=-]{8,2000}/g,
    replace: '$1[redacted:auth-header]'
  },
  {
    family: 'assignment',
    // KEY=value, KEY: value, "key": "value" where the key names a credential.
    pattern: /\b([A-Za-z0-9_.-]{0,40}?(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|sig)["']?\s{0,5}[:=]\s{0,5}["']?)(?!\*\*\*|\[redacted)[^\s"'&,;]{4,2000}/gi,
    replace: '$1[redacted:assignment]'
  }
]

/** Lines that are only base64 and long: the body of a key whose BEGIN line is not in view. */
const BASE64_BODY = /^\s{0,20}[A-Za-z0-9+/]{60,}={0,2}\s*$/

export function redact(text: string, counts?: RedactionCounts): string {
  let out = text
  if (BASE64_BODY.test(out)) {
    bump(counts, 'base64-blob')
    return '[redacted:base64-blob]'
  }
  for (const { family, pattern, replace } of PATTERNS) {
    pattern.lastIndex = 0
    if (!pattern.test(out)) continue
    pattern.lastIndex = 0
    out = out.replace(pattern, (...args: unknown[]) => {
      bump(counts, family)
      const prefix = typeof args[1] === 'string' && replace.startsWith('$1') ? args[1] : ''
      return replace.startsWith('$1') ? prefix + replace.slice(2) : replace
    })
  }
  return out
}

/**
 * Cuts a (redacted) line to `max` characters for display, keeping its head and its tail: tools
 * often put the cause at the end of a long line ("… -> No space left on device"). When the source
 * line itself was cut before redaction, its tail may hold the head of a secret no pattern could
 * recognise: that fragment is masked.
 */
export function clip(text: string, max: number, sourceWasCut = false): string {
  let out = text
  if (sourceWasCut) {
    const tailStart = Math.max(out.lastIndexOf(' '), out.lastIndexOf('\t')) + 1
    if (out.length - tailStart >= 8) out = out.slice(0, tailStart) + '[cut]'
  }
  if (out.length <= max) return out
  const tail = Math.floor((max - 3) * 0.4)
  return `${out.slice(0, max - 3 - tail)} … ${out.slice(out.length - tail)}`
}

function bump(counts: RedactionCounts | undefined, family: string): void {
  if (counts) counts[family] = (counts[family] ?? 0) + 1
}
