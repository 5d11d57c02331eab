/**
 * Words that make a log line worth a closer look. The scanner finds them in one pass over the raw
 * bytes (case-insensitive for ASCII), so every line of a large log is seen without decoding or a
 * regex per line. Weights only order lines while the log streams (so the bounded candidate store
 * keeps the most telling ones); the kept lines are rescored with the rule catalog at the end.
 *
 * Every rule in src/classify/rules must fire on a line holding one of these words: a test checks it.
 */

/** Kinds of structural lines the stream tracks besides their weight. */
export const KIND_ERROR_MARKER = 1
export const KIND_GROUP = 2
export const KIND_ENDGROUP = 4
export const KIND_POST_JOB = 8
export const KIND_BINARY = 16
export const KIND_RUNNER = 32

export interface Keyword {
  /** Lowercase text; non-ASCII characters are matched on their UTF-8 bytes. */
  text: string
  weight: number
  kind?: number
}

/** Very specific: runner, resource, network and registry messages, tool failure headers. */
const STRONG = [
  'no space left', 'out of memory', 'heap limit', 'oomkilled', 'cannot allocate memory',
  'toomanyrequests', 'too many requests', 'rate limit', 'not accessible by integration',
  'lost communication', 'shutdown signal', 'maximum execution time', 'has timed out',
  'deprecated version of', 'missing download info', 'unable to resolve action', "can't find 'action.y",
  'unhealthy', 'service unavailable', 'bad gateway', 'gateway time', 'internal server error',
  'connection reset', 'econnreset', 'etimedout', 'econnrefused', 'eai_again', 'enotfound',
  'socket hang up', 'could not resolve host', 'name resolution', 'not known', 'handshake',
  'i/o timeout', 'unreachable', 'segmentation fault', 'core dumped', 'unsafe repository',
  'dubious ownership', 'what went wrong', 'failed to execute goal', 'traceback', 'panic:', 'panicked',
  'error[e', 'npm err!', 'err_pnpm', 'eresolve', 'short test summary', 'build failed', 'build failure',
  'compilation failure', 'could not compile', 'would reformat', 'threshold',
  'vulnerabilit', 'lockfile', 'in sync', 'not up-to-date', 'not up to date', 'resolutionimpossible',
  'no matching distribution', 'could not transfer', 'could not resolve', 'failed to fetch',
  'unable to locate package', 'hash sum mismatch', 'is not defined', 'not a valid', 'invalid workflow',
  'unrecognized named-value', 'bad credentials', 'authentication failed', 'permission denied',
  'the operation was canceled', 'startup failure', 'exit code 137', 'exit code 143', 'disk space', 'went offline',
  'bad class file', 'wrong version', 'code style issues', 'changed significantly', 'to go.mod needed', 'requires go',
  'installation candidate', 'server misbehaving', 'dial tcp', 'line too long', 'not supplied', 'unexpected input',
  'could not read username', 'password authentication', 'repository not found', 'insufficient memory', 'disappeared',
  'maximum time limit', 'no output has been received', 'too long with no output', 'externally-managed', 'docker daemon',
  'licences have not been accepted', 'unable to locate', 'openpgp', 'modified by this hook', 'undefined reference',
  'collect2', 'cmake error', 'offenses detected', '....failed', 'failures!',
  '\u25cf', '\u2715', '\u2716', '\u00d7 '
]

/** Failure words that usually sit on the cause line. */
const MEDIUM = [
  'fatal', 'exception', 'failed', 'failure', 'cannot', 'could not', "couldn't", 'unable to', 'denied',
  'refused', 'timed out', 'timeout', 'not found', 'no such', 'invalid', 'conflict', 'exceeded', 'abort',
  'unauthorized', 'forbidden', 'undefined', 'exit code', 'exit status', 'deprecat', 'mismatch',
  'unexpected', 'syntax', 'incompatible', 'cannot find symbol', 'unresolved', 'killed', 'crash',
  'assert', 'expected', 'problems', 'violation', 'unused', 'missing', "can't", 'not installed', 'coverage',
  'refusing', 'rejected', 'non-zero', 'banned', 'minimum supported', 'not ok', '__ test', 'go.sum', 'clippy',
  'credentials', 'rspec ./', ' › '
]

/** Generic words: the line may be an echo or noise, but it is a candidate. */
const WEAK = ['error', 'fail', 'warning:', 'warn ', '[warn]', '.py:', 'diff in ']

export const KEYWORDS: readonly Keyword[] = [
  ...STRONG.map((text) => ({ text, weight: 3 })),
  ...MEDIUM.map((text) => ({ text, weight: 2 })),
  ...WEAK.map((text) => ({ text, weight: 1 })),
  // Runner markers: the runner writes these itself, so they also carry structure.
  // No closing bracket: the scanner reports the first word that ends on a line, and 'error' ends there.
  { text: '##[error', weight: 2, kind: KIND_ERROR_MARKER },
  { text: '::error', weight: 2, kind: KIND_ERROR_MARKER },
  { text: '##[warning', weight: 1 },
  { text: '::warning', weight: 1 },
  { text: '##[group]', weight: 0, kind: KIND_GROUP },
  { text: '::group::', weight: 0, kind: KIND_GROUP },
  { text: '##[endgroup]', weight: 0, kind: KIND_ENDGROUP },
  { text: '::endgroup::', weight: 0, kind: KIND_ENDGROUP },
  { text: 'post job cleanup.', weight: 0, kind: KIND_POST_JOB },
  { text: 'cleaning up orphan processes', weight: 0, kind: KIND_POST_JOB },
  { text: 'current runner version', weight: 0, kind: KIND_RUNNER },
  { text: 'prepare workflow directory', weight: 0, kind: KIND_RUNNER }
]

/** Control bytes that never appear in text (TAB, LF, CR and ESC excluded). */
export const BINARY_BYTES: readonly number[] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 127
]
