/** Small wording helpers shared by the Slack message, the job summary and the annotations. */
import { CATEGORIES } from '../classify/categories.js'
import type { Diagnosis } from '../classify/types.js'
import { MIN_CONFIDENCE } from '../remediate/decide.js'
import type { LineRange, LogLine } from '../triage/types.js'

export function categoryTitle(diagnosis: Diagnosis): string {
  return CATEGORIES[diagnosis.category]?.title ?? diagnosis.category
}

/** 0..1 as a whole percentage; anything that is not a number reads "unknown". */
export function percent(confidence: number): string {
  if (!Number.isFinite(confidence)) return 'unknown'
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`
}

/** The percentage, saying plainly when ci-monitor is unsure (below the floor for automatic action). */
export function confidenceText(confidence: number): string {
  const shown = percent(confidence)
  return Number.isFinite(confidence) && confidence < MIN_CONFIDENCE ? `${shown}, low: treat it as a hint` : shown
}

/** Which engine decided, and by which rule: "rule npm-registry-5xx", "LLM", "no rule matched". */
export function decidedBy(diagnosis: Diagnosis): string {
  if (diagnosis.engine === 'llm') return 'LLM'
  return diagnosis.ruleId ? `rule ${diagnosis.ruleId}` : 'no rule matched'
}

/**
 * Log lines prefixed with their right-aligned line number: " 98: text". Evidence from elsewhere
 * (test reports) has no log line (n 0) and is shown without a number. Text stays raw (escape later).
 */
export function numberedLines(lines: readonly LogLine[]): string[] {
  const width = String(lines.reduce((max, line) => Math.max(max, line.n), 0)).length
  return lines.map((line) => (line.n > 0 ? `${String(line.n).padStart(width)}: ${line.text}` : `${' '.repeat(width)}  ${line.text}`))
}

/** "line 5", "lines 120–134, 200–210", at most `max` ranges then "…". */
export function describeRanges(ranges: readonly LineRange[], max = 12): string {
  if (ranges.length === 0) return ''
  const shown = ranges.slice(0, max).map((r) => (r.start === r.end ? `${r.start}` : `${r.start}–${r.end}`))
  const single = ranges.length === 1 && ranges[0]?.start === ranges[0]?.end
  return `${single ? 'line' : 'lines'} ${shown.join(', ')}${ranges.length > max ? ', …' : ''}`
}

/** What the state branch knew about a failure: how often it was seen, whether it is flaky. */
export interface HistoryFacts {
  seen: number
  firstSeen: string | null
  /** Times the same commit failed this way and then passed on a re-run. */
  flakyPasses: number
}

/** "First time seen." / "Seen 4 times since 2026-11-02; flaky: the same commit passed on a re-run 2 times." */
export function historySentence(history: HistoryFacts): string {
  const seen = history.seen === 0 ? 'First time seen.' : `Seen ${history.seen} time${history.seen === 1 ? '' : 's'} before${history.firstSeen ? ` since ${history.firstSeen.slice(0, 10)}` : ''}.`
  if (history.flakyPasses === 0) return seen
  return `${seen} Flaky: the same commit failed this way and passed on a re-run ${history.flakyPasses} time${history.flakyPasses === 1 ? '' : 's'}.`
}
