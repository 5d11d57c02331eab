import { codeSpan, escapeMarkdownInline, markdownFence, toSingleLine } from '../notify/escape.js'
import type { PlannedFix } from './types.js'

/**
 * Branch for the fix of one failure signature. Built only from the fingerprint ci-monitor computed,
 * never from event text, so a branch name from a pushed commit cannot steer it.
 */
export function fixBranchName(fingerprint: string): string {
  return `ci-monitor/fix-${checkedFingerprint(fingerprint)}`
}

/** Hidden marker that lets ci-monitor find its own PR for a fingerprint again. */
export function fixPrMarker(fingerprint: string): string {
  return `<!-- ci-monitor:fix ${checkedFingerprint(fingerprint)} -->`
}

function checkedFingerprint(fingerprint: string): string {
  if (!/^[0-9a-f]{8,64}$/.test(fingerprint)) throw new Error('A fix branch needs a lower-case hex fingerprint of 8 to 64 characters.')
  return fingerprint
}

/** PR titles are single plain lines; GitHub caps them at 256 characters. */
export function fixPrTitle(fix: PlannedFix): string {
  const title = `ci-monitor: ${toSingleLine(fix.title).replace(/\s+/g, ' ').trim()}`
  return title.length > 256 ? `${title.slice(0, 255)}…` : title
}

export interface FixPrBodyInput {
  fix: PlannedFix
  fingerprint: string
  /** The failed run's html_url from the API. */
  runUrl: string
  runAttempt: number
  /** The diagnosis sentence (may come from a model or echo the log: untrusted). */
  diagnosisSummary: string
  category: string
  confidence: number
  /** Log lines that prove the diagnosis (untrusted). */
  evidence: string[]
  /** The decision's reasons (Markdown-safe sentences, as `decide` writes them). */
  reasons: string[]
}

/** Renovate keeps PR bodies under GitHub's 65,536-character limit with room to spare. */
export const MAX_PR_BODY = 60_000
const MAX_EVIDENCE_LINES = 40
const MAX_EVIDENCE_LINE = 500

/** The fix PR's body; every untrusted piece is escaped or fenced. */
export function fixPrBody(input: FixPrBodyInput): string {
  const { fix } = input
  const head = [
    fixPrMarker(input.fingerprint),
    `ci-monitor proposes this change to ${codeSpan(fix.path)} after ${runLink(input.runUrl, input.runAttempt)} failed.`,
    '### Diagnosis',
    `${escapeMarkdownInline(input.diagnosisSummary, 1000)} (category ${codeSpan(input.category)}, confidence ${input.confidence.toFixed(2)})`,
    '### The change',
    fix.description,
    `Risk: ${fix.risk} of 10.`,
    '### Why this pull request',
    input.reasons.map((reason) => `- ${toSingleLine(reason).replace(/\s+/g, ' ')}`).join('\n'),
    '### To undo',
    fix.rollback
  ]
  const tail = ['### Diff', markdownFence(fix.patch.slice(0, 20_000).split('\n'), { info: 'diff', maxLineChars: 2_000 }), '*Review before merging: ci-monitor never merges its own pull requests.*']
  const evidence = input.evidence.slice(0, MAX_EVIDENCE_LINES).map((line) => line.slice(0, MAX_EVIDENCE_LINE))
  const withEvidence = [...head, '### Evidence from the log', markdownFence(evidence.flatMap((line) => line.split('\n')), { info: 'text' }), ...tail].join('\n\n')
  if (withEvidence.length <= MAX_PR_BODY) return withEvidence
  const omitted = '*Left out to stay within GitHub\'s size limit; see the run.*'
  const withDiff = [...head, '### Evidence from the log', omitted, ...tail].join('\n\n')
  if (withDiff.length <= MAX_PR_BODY) return withDiff
  return [...head, '### Diff', omitted].join('\n\n')
}

function runLink(url: string, attempt: number): string {
  const label = `run attempt ${Number.isInteger(attempt) ? attempt : '?'}`
  // Only a plain https URL is linked; anything else stays out of the Markdown.
  if (/^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9._~/%-]*$/.test(url)) return `[${label}](${url})`
  return label
}
