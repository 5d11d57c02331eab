/**
 * How much one normalised line says about the cause of a failure. Known signatures come from the
 * rule catalog (one source of truth with the classifier); this module adds what is structure
 * rather than cause: tool boilerplate that only points elsewhere, and lines that continue the
 * error above them (stack frames, indented details).
 */
import type { RuleHit } from '../classify/match.js'
import { stableText } from './fingerprint.js'
import type { Marker } from './normalize.js'

/** Boilerplate printed after every failure of a tool: never the cause. */
const NOISE: readonly RegExp[] = [
  /^\[ERROR\]\s*(?:-> \[Help \d+\]|To see the full stack trace|Re-run Maven using|For more information about the errors|\[Help \d+\] https?:|After correcting the problems|mvn <goals>|$)/,
  /^\[ERROR\]\s*$/,
  /^(?:\* Try:|> Run with --(?:stacktrace|info|debug|scan)|\* Get more help at|> Get more help at)/,
  /^npm (?:ERR!|error) (?:A complete log of this run can be found in|This is probably not a problem with npm|Log files were not written)/,
  /^info Visit https:\/\/yarnpkg\.com\/en\/docs\/cli\//,
  /^ERROR: Step .{1,200} failed: .{1,300} does not exist\.$/,
  /^\S{1,300}\/archive does not exist\.$/,
  /^Build step '[^']{1,200}' marked build as failure$/,
  /^Finished: (?:FAILURE|ABORTED)$/,
  /^(?:BUILD FAILED in \S+|BUILD FAILURE|FAILURE: Build failed with an exception\.)$/,
  /^\d+ actionable tasks?: /,
  /^Warning: Debugging artifacts are unavailable/
]

const GENERIC_FAILURE = /\b(?:error|fail(?:ed|ure)?|fatal|exception|panic|denied|abort(?:ed)?)\b/i

export interface LineSignal {
  score: number
  /** Tool boilerplate: says nothing, not even as context. */
  noise: boolean
}

/** Score of one line, given the rule (if any) that names it. */
export function lineSignal(text: string, marker: Marker | null, hit: RuleHit | null): LineSignal {
  if (text === '') return { score: 0, noise: false }
  if (NOISE.some((p) => p.test(text))) return { score: 0, noise: true }
  if (hit) {
    const base = hit.rule.strength === 3 ? 6 : hit.rule.strength === 2 ? 3.5 : 1.2
    return { score: base + (hit.rule.dominant ? 1 : 0), noise: false }
  }
  if (marker === 'error') return { score: 2.5, noise: false }
  if (marker === 'warning') return { score: 0.5, noise: false }
  if (marker === 'command' || marker === 'debug') return { score: 0, noise: true }
  return { score: GENERIC_FAILURE.test(text) ? 0.8 : 0, noise: false }
}

/**
 * Does this line continue the error above it: a stack frame, an indented detail, a caret marker,
 * a chained cause? Java prints `Caused by:` (Jenkins remoting `Caused:`/`Also:`), CPython's
 * traceback module joins chained exceptions with "During handling of the above exception, …" and
 * "The above exception was the direct cause of …", and a Go panic prints `[signal SIGSEGV: …]`
 * (runtime/signal_unix.go), `goroutine N [running]:`, then `function(args)` lines each above an
 * indented `file:line` (runtime/traceback.go). Node's fatal errors list native frames as
 * `%2d: 0x… symbol` (src/debug_utils.cc), so frame 10 onward loses its indent.
 */
export function continuesError(text: string): boolean {
  return /^\s/.test(text) || CONTINUATION.test(text) || GO_FRAME.test(text)
}

/** A frame of a stack trace: Java's `\tat …`, Python's `  File "…", line N`, `... N more`, a Go frame. */
export function isStackFrame(text: string): boolean {
  return /^\s+(?:at |File "|\.\.\. \d+ more)/.test(text) || GO_FRAME.test(text) || /^\s+\/\S+\.go:\d+/.test(text)
}

const CONTINUATION =
  /^(?:Caused by:|Caused:|Also:|Suppressed:|\.\.\. \d+ more|\[ERROR\] {2,}|E {2,}|>\s|\||-{3,}|[~^]+$|During handling of the above exception|The above exception was the direct cause|goroutine \d+ \[|created by |\[signal |\d+: 0x[0-9a-f]+ )/
// The function part stops at the first "(": no overlapping repeats, so matching stays linear.
const GO_FRAME = /^[^\s(]{1,300}\(.{0,400}\)(?: \+0x[0-9a-f]+)?$/

/**
 * The same message printed again (Maven repeats every compiler error in its summary, runners
 * repeat the last error line, a loop prints one error per file): its key drops prefixes,
 * decoration and numbers.
 */
export function echoKey(text: string): string {
  return stableText(text.replace(/^\s*(?:\[(?:ERROR|WARN(?:ING)?|INFO)\]|(?:##\[error\]|Error|ERROR|error|FATAL|fatal):?)\s*/, '').replace(/\s{0,20}-> \[Help \d{1,4}\]$/, ''))
}
