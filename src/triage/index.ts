/**
 * Triage: one job log in, the failing step, the lines that state the cause and a stable
 * fingerprint out. Pure: no clock, no environment; the log is read once, as a stream, in bounded
 * memory, and every line that leaves is normalised, redacted and clipped.
 */
import { inBaseline, type Baseline } from './baseline.js'
import { selectExcerpt, toRanges, type ScoredLine } from './excerpt.js'
import { fingerprintOf, stableText } from './fingerprint.js'
import { LineBlocks } from './line-blocks.js'
import { clip, redact, type RedactionCounts } from './redact.js'
import { findFailingSegment, segmentIndexOf, segmentRange, type Segment } from './segments.js'
import { echoKey, lineSignal } from './signals.js'
import { matchLines } from '../classify/match.js'
import { LogStream, type StoredLine } from './stream.js'
import type { LogLine, Triage, TriageOptions } from './types.js'

export type { LineRange, LogLine, StepInfo, Triage, TriageOptions } from './types.js'
export { baselineFromText, buildBaseline, type Baseline, type BaselineOptions } from './baseline.js'

const DEFAULTS = { maxExcerptLines: 60, maxLineLength: 8192, maxBytes: 512 * 1024 * 1024 }
/** About 4k tokens of excerpt. */
const MAX_EXCERPT_CHARS = 16_000
const DISPLAY_LINE = 800
const SIGNATURE_LINES = 3
const KNOWN_FACTOR = 0.2

type Options = TriageOptions & typeof DEFAULTS

/** An excerpt line and the score it was picked with. */
interface Picked {
  line: StoredLine
  score: number
}

export async function triageStream(source: AsyncIterable<Uint8Array | string>, options: TriageOptions = {}): Promise<Triage> {
  const o = withDefaults(options)
  const blocks = new LineBlocks(o.maxLineLength, o.maxBytes)
  const stream = new LogStream(o.maxLineLength)
  for await (const chunk of source) {
    for (const block of blocks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)) stream.push(block)
    if (blocks.done) break
  }
  return finish(stream, blocks, o)
}

export function triageText(text: string, options: TriageOptions = {}): Triage {
  const o = withDefaults(options)
  const blocks = new LineBlocks(o.maxLineLength, o.maxBytes)
  const stream = new LogStream(o.maxLineLength)
  for (const block of blocks.push(Buffer.from(text, 'utf8'))) stream.push(block)
  return finish(stream, blocks, o)
}

function withDefaults(options: TriageOptions): Options {
  return {
    ...options,
    maxExcerptLines: positive(options.maxExcerptLines, DEFAULTS.maxExcerptLines),
    maxLineLength: positive(options.maxLineLength, DEFAULTS.maxLineLength),
    maxBytes: positive(options.maxBytes, DEFAULTS.maxBytes)
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

function finish(stream: LogStream, blocks: LineBlocks, o: Options): Triage {
  const tail = blocks.end()
  if (tail) stream.push(tail)
  const stored = stream.keptLines()
  const segments = stream.segments.segments
  const hits = matchLines(stored)
  const signals = stored.map((l, i) => lineSignal(l.text, l.marker, hits[i] ?? null))
  const strongest = strongestLine(stored, signals)
  const failing = findFailingSegment(segments, o.steps, stream.errorLines, strongest, stream.segments.isJobLog)

  const failingIndex = failing?.index ?? null
  const failingHasCause = hasCause(stored, signals, segments, failingIndex)
  const scored: ScoredLine[] = stored.map((line, i) => {
    const place = stream.segments.isJobLog ? placeFactor(segments, line.n, failingIndex, failingHasCause) : 1
    return { n: line.n, text: line.text, score: signals[i]!.score * place, quiet: place <= 0.15, noise: signals[i]!.noise }
  })
  // The fingerprint must not depend on whether a green run was found: it is computed from the
  // excerpt triage picks without the baseline, which the excerpt shown may reorder.
  const unaided = o.baseline ? scored.map((line) => ({ ...line })) : scored
  const demoted = o.baseline ? demoteKnown(scored, o.baseline) : 0
  const pick = (lines: ScoredLine[]): Picked[] => {
    demoteEchoes(lines)
    const picked = selectExcerpt(lines, { maxLines: o.maxExcerptLines, maxChars: MAX_EXCERPT_CHARS, lineChars: DISPLAY_LINE }).map((i) => ({ line: stored[i]!, score: lines[i]!.score }))
    return picked.length > 0 ? picked : stream.lastLines().filter((l) => l.text !== '').slice(-Math.min(10, o.maxExcerptLines)).map((line) => ({ line, score: 0 }))
  }
  const picked = pick(scored)

  const redactions: RedactionCounts = {}
  const shown = new Map<number, string>()
  const display = (line: StoredLine): string => {
    let text = shown.get(line.n)
    if (text === undefined) shown.set(line.n, (text = clip(redact(line.text, redactions), DISPLAY_LINE, line.cut)))
    return text
  }
  const excerptLines: LogLine[] = picked.map(({ line }) => ({ n: line.n, text: display(line) }))
  const signature = signatureOf(unaided === scored ? picked : pick(unaided), display)
  const totalLines = stream.lines
  return {
    totalLines,
    totalBytes: blocks.bytes,
    truncated: blocks.truncated || stream.lineCut,
    binaryLines: stream.binaryLines,
    failingStep: failing ? { name: redact(failing.name), number: failing.number, range: segmentRange(segments, failing.index, totalLines) } : null,
    errorLines: [...stream.errorLines],
    excerpt: { ranges: toRanges(excerptLines.map((l) => l.n)), lines: excerptLines },
    signature,
    fingerprint: fingerprintOf(['ci-monitor/1', ...(o.identity ?? []).map(stableText), ...signature]),
    redactions,
    baseline: o.baseline
      ? { lines: o.baseline.lines, templates: o.baseline.templates, demoted, seenInGreen: picked.filter(({ line }) => inBaseline(o.baseline!, line.text)).map(({ line }) => line.n) }
      : null
  }
}

/** Line number of the highest-scoring kept line, if any line scored at all. */
function strongestLine(stored: readonly StoredLine[], signals: readonly { score: number }[]): number | null {
  let best = -1
  signals.forEach((s, i) => {
    if (s.score > 0 && (best < 0 || s.score > signals[best]!.score)) best = i
  })
  return best < 0 ? null : stored[best]!.n
}

/**
 * Where a line sits changes what it means: a step's echoed script is not output, post-job
 * cleanup is not the build, and errors in steps that passed are less likely the cause.
 */
function placeFactor(segments: readonly Segment[], n: number, failing: number | null, failingHasCause: boolean): number {
  const index = segmentIndexOf(segments, n)
  const segment = segments[index]!
  if (n === segment.start && !segment.bookkeeping) return 0
  if (segment.headerEnd !== null && n <= segment.headerEnd) return 0
  if (failing === null || index === failing) return segment.bookkeeping && index !== 0 ? 0.15 : 1
  if (segment.bookkeeping && index !== 0) return 0.15
  return failingHasCause ? 0.45 : 0.9
}

/** Does the failing step itself hold a line that names a cause? If not, look in earlier steps. */
function hasCause(stored: readonly StoredLine[], signals: readonly { score: number }[], segments: readonly Segment[], failing: number | null): boolean {
  if (failing === null) return true
  return stored.some((l, i) => signals[i]!.score >= 3.5 && segmentIndexOf(segments, l.n) === failing)
}

/**
 * Lines the green run printed too keep a fifth of their score: a known signature seen in a green
 * run (7 → 1.4) ranks below a new line that names a cause or carries a runner error marker, and
 * still above a new line that merely holds a failure word. Returns how many lines it demoted.
 */
function demoteKnown(lines: ScoredLine[], baseline: Baseline): number {
  let demoted = 0
  for (const line of lines) {
    if (line.score <= 0 || !inBaseline(baseline, line.text)) continue
    line.score *= KNOWN_FACTOR
    demoted++
  }
  return demoted
}

/** Repeats of an earlier message keep under a third of their score (no longer seeds): the first occurrence is the cause. */
function demoteEchoes(lines: ScoredLine[]): void {
  const seen = new Set<string>()
  for (const line of lines) {
    if (line.score < 1) continue
    const key = echoKey(line.text)
    if (key.length < 8) continue
    if (seen.has(key)) line.score *= 0.3
    else seen.add(key)
  }
}

/**
 * Lines that end almost every failed step ("Process completed with exit code 1."): they say that
 * something failed, not what. Two different failures must not share a fingerprint because both
 * end this way, so these never make the signature on their own.
 */
const GENERIC_ENDINGS = [
  /^(?:error: )?process completed with exit code 0\.?$/,
  /^(?:error: )?the process '[^']{1,200}' failed with exit code 0\.?$/,
  /^(?:error: )?the operation was canceled\.?$/,
  /^(?:error: )?exit code 0$/,
  /^(?:make(?:\[0\])?: \*\*\* \[[^\]]{1,200}\] error 0|error: command failed with exit code 0\.?|npm err! code elifecycle)$/
]

const isGeneric = (text: string): boolean => GENERIC_ENDINGS.some((pattern) => pattern.test(text))

/** The strongest excerpt lines as shown (redacted, clipped), made stable: what the fingerprint is computed from. */
function signatureOf(picked: readonly Picked[], display: (line: StoredLine) => string): string[] {
  const top = Math.max(0, ...picked.map((p) => p.score))
  const out: string[] = []
  for (const { line, score } of picked) {
    if (top > 0 && score < top * 0.6) continue
    const text = stableText(display(line))
    if (text !== '' && !isGeneric(text) && !out.includes(text)) out.push(text)
    if (out.length === SIGNATURE_LINES) break
  }
  if (out.length > 0) return out
  // Only generic endings scored: what the step printed just before them tells failures apart.
  const context: string[] = []
  for (const { line } of [...picked].reverse()) {
    const text = stableText(display(line))
    if (text !== '' && !isGeneric(text) && !context.includes(text)) context.unshift(text)
    if (context.length === SIGNATURE_LINES) break
  }
  if (context.length > 0) return context
  return picked.map(({ line }) => stableText(display(line))).filter((text, i, all) => text !== '' && all.indexOf(text) === i).slice(0, SIGNATURE_LINES)
}
