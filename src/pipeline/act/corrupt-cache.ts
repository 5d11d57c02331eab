/**
 * Recognises an actions/cache restore that downloaded an entry it could not unpack — a corrupt
 * entry every later run would restore again — and the entry's key, from the lines triage kept.
 * Pure: it reads the diagnosis and the excerpt, nothing else. The key is data from the log: it
 * must match a strict pattern here, and the caller deletes it only if the repository's cache list
 * holds exactly that key (never a prefix, never more than one entry per run).
 *
 * Messages, from their sources:
 * - `Failed to restore: "/usr/bin/tar" failed with error: The process '/usr/bin/tar' failed with
 *   exit code 2` — @actions/cache 6.x (`lib/cache.js` warns "Failed to restore: ${message}",
 *   `lib/internal/tar.js` throws "${command} failed with error: …", @actions/exec "The process
 *   '…' failed with exit code N").
 * - `Tar failed with error: The process '/bin/tar' failed with exit code 2` — actions/cache v1/v2
 *   (quoted in actions/cache#271, #472, #713, #757).
 * - `tar: Unexpected EOF in archive`, `tar: Error is not recoverable: exiting now`, `gzip: stdin:
 *   unexpected end of file` (actions/cache#271),
 *   `/*stdin*\ : Decoding error (36) : Corrupted block detected` (zstd, actions/cache#472),
 *   `Decoding error (36) : Restored data doesn't match checksum` (actions/cache#757),
 *   `gzip: stdin: invalid compressed data--crc error` (actions/cache#713); bsdtar (libarchive)
 *   says `Truncated tar archive` / `Damaged tar archive`.
 * - `Cache hit for: <key>` / `Cache hit for restore-key: <key>` — @actions/cache 6.x names the
 *   entry it is about to download; `Failed to restore cache entry. Exiting as fail-on-cache-miss
 *   is set. Input key: <key>` — actions/cache `restoreImpl.ts` names the input key.
 * A restore that fails because the cache service answered 4xx/5xx ("Cache service responded with
 * 503") is not a corrupt entry: deleting would fix nothing, so it is not matched here.
 */
import type { Diagnosis } from '../../classify/types.js'
import type { LogLine } from '../../triage/types.js'

/** Lines that show an archive could not be unpacked. */
const UNPACK_ERRORS: readonly RegExp[] = [
  /\btar(?:\.exe)?: Unexpected EOF in archive\b/,
  /\bDecoding error \(\d+\) : (?:Corrupted block detected|Restored data doesn't match checksum)/,
  /\bgzip: stdin: (?:unexpected end of file|invalid compressed data--(?:crc error|format violated|length error)|not in gzip format)/,
  /\btar(?:\.exe)?: (?:Truncated|Damaged) tar archive\b/,
  // GNU tar gives up reading the archive; with a failed restore beside it, the entry is unreadable.
  /\btar: Error is not recoverable: exiting now\b/
]

/** Lines that tie the unpack error to a cache restore (not to a tar the build itself ran). */
const RESTORE_FAILED: readonly RegExp[] = [
  /\bFailed to restore: .*failed with error: The process '[^']*\btar(?:\.exe)?' failed with exit code \d+/,
  /\bTar failed with error: The process '[^']*\btar(?:\.exe)?' failed with exit code \d+/i
]

/** Lines naming the entry being restored (preferred: what was downloaded) … */
const HIT_KEY = /^Cache hit for(?: restore-key)?: (\S+)\s*$/
/** … or the input key of a restore that failed the step. */
const INPUT_KEY = /\bFailed to restore cache entry\. Exiting as fail-on-cache-miss is set\. Input key: (\S+)\s*$/

/**
 * What a cache key may look like before ci-monitor acts on it: the characters keys are made of in
 * practice (`Linux-npm-<hash>`, `setup-go-Linux-x64-go-1.22-<hash>`), at most 512 (the service's
 * limit). No spaces, quotes, wildcards or separators: a clipped, redacted or crafted value fails.
 */
export const CACHE_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+=-]{0,511}$/

export interface CorruptCache {
  /** The key of the corrupt entry, when the lines name exactly one that fits the pattern. */
  key: string | null
  /** Why there is no key, when `key` is null. */
  keyProblem: string | null
  /** The lines that show the restore failed to unpack. */
  evidence: LogLine[]
}

/**
 * A corrupt cache entry the diagnosis points at, or null. The unpack error must be part of the
 * diagnosis' evidence, or nothing else explained the failure (no rule decided) and the excerpt
 * shows it: a cache warning never overrides a rule that named another cause.
 */
export function detectCorruptCache(diagnosis: Pick<Diagnosis, 'ruleId' | 'evidence'>, excerpt: readonly LogLine[]): CorruptCache | null {
  const inEvidence = diagnosis.evidence.some(isUnpackError)
  if (!inEvidence && diagnosis.ruleId !== null) return null
  const lines = mergeByLine(diagnosis.evidence, excerpt)
  const errors = lines.filter(isUnpackError)
  if (errors.length === 0 || !lines.some((line) => RESTORE_FAILED.some((pattern) => pattern.test(line.text)))) return null
  return { ...keyOf(lines, errors[0]!.n), evidence: lines.filter((line) => isUnpackError(line) || RESTORE_FAILED.some((p) => p.test(line.text))) }
}

function isUnpackError(line: LogLine): boolean {
  return UNPACK_ERRORS.some((pattern) => pattern.test(line.text))
}

/**
 * The entry whose unpacking failed: the last "Cache hit for" before the first unpack error (a job
 * may restore several caches), else the one input key a failed restore named.
 */
function keyOf(lines: readonly LogLine[], firstError: number): Pick<CorruptCache, 'key' | 'keyProblem'> {
  const hit = lines.filter((line) => line.n < firstError).flatMap((line) => matchKey(HIT_KEY, line)).at(-1)
  const inputs = [...new Set(lines.flatMap((line) => matchKey(INPUT_KEY, line)))]
  const candidate = hit ?? (inputs.length === 1 ? inputs[0] : undefined)
  if (candidate === undefined) {
    return {
      key: null,
      keyProblem:
        inputs.length > 1
          ? 'The log names more than one cache key for the failed restore, so none is deleted.'
          : 'The lines ci-monitor kept do not name the corrupt cache entry, so nothing is deleted.'
    }
  }
  if (!CACHE_KEY_PATTERN.test(candidate)) {
    return { key: null, keyProblem: 'The cache key in the log does not look like a cache key (letters, digits, . _ + = - only), so nothing is deleted.' }
  }
  return { key: candidate, keyProblem: null }
}

function matchKey(pattern: RegExp, line: LogLine): string[] {
  const match = pattern.exec(line.text)
  return match?.[1] ? [match[1]] : []
}

function mergeByLine(a: readonly LogLine[], b: readonly LogLine[]): LogLine[] {
  const byLine = new Map<number, LogLine>()
  for (const line of [...a, ...b]) byLine.set(line.n, line)
  return [...byLine.values()].sort((x, y) => x.n - y.n)
}

/** A cache entry as the repository lists it. */
export interface ListedCache {
  key: string
  ref: string
}

/**
 * The one listed entry to delete for `key`, or why there is none. Only entries whose key equals
 * `key` count (the list API matches prefixes). Several refs may hold the key: the run's own ref
 * wins, then the default branch's; and the chosen key + ref must name exactly one entry, since
 * the delete call removes every entry with that key and ref.
 */
export function pickCacheEntry(listed: readonly ListedCache[], key: string, preferredRefs: readonly string[]): { entry: ListedCache } | { problem: string } {
  const exact = listed.filter((entry) => entry.key === key)
  if (exact.length === 0) {
    return { problem: 'it is not in the repository\'s cache list (already deleted or evicted, or the restore matched another entry by prefix)' }
  }
  const refs = [...new Set(exact.map((entry) => entry.ref))]
  const ref = refs.length === 1 ? refs[0]! : preferredRefs.find((candidate) => refs.includes(candidate))
  if (ref === undefined) return { problem: `${refs.length} refs hold it and none is this run's branch or the default branch, so ci-monitor does not guess` }
  const entries = exact.filter((entry) => entry.ref === ref)
  if (entries.length > 1) return { problem: `${entries.length} entries share it on ${ref}, and ci-monitor deletes at most one per run` }
  return { entry: entries[0]! }
}
