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
  /^Error: Maven compile original project unsuccessful!$/,
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

/** Does this line continue the error above it (stack frame, indented detail, caret marker)? */
export function continuesError(text: string): boolean {
  return /^\s/.test(text) || /^(?:Caused by:|Also:|\.\.\. \d+ more|\[ERROR\] {2,}|E {2,}|>\s|\||-{3,}|[~^]+$|Suppressed:)/.test(text)
}

/**
 * The same message printed again (Maven repeats every compiler error in its summary, runners
 * repeat the last error line, a loop prints one error per file): its key drops prefixes,
 * decoration and numbers.
 */
export function echoKey(text: string): string {
  return stableText(text.replace(/^\s*(?:\[(?:ERROR|WARN(?:ING)?|INFO)\]|(?:##\[error\]|Error|ERROR|error|FATAL|fatal):?)\s*/, '').replace(/\s*-> \[Help \d+\]$/, ''))
}
