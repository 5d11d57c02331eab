/**
 * Steps of a GitHub job log. The runner opens each step with `##[group]Run …` (the command or
 * action it runs), so the log itself tells where steps start; post-job steps start with
 * "Post job cleanup." and the job ends with "Cleaning up orphan processes". When the jobs API
 * gave the steps, their order maps onto the log's segments; otherwise the failing step is the
 * last step holding a runner error marker.
 */
import type { LineRange, StepInfo } from './types.js'

export interface Segment {
  name: string
  start: number
  /** Last line of the `##[group]Run` header (the echoed script, `with:` and `env:`), if any. */
  headerEnd: number | null
  /** Runner bookkeeping (set up, post-job cleanup): not where a build fails. */
  bookkeeping: boolean
}

const MAX_SEGMENTS = 2000
const SETUP = 'Set up job'

export class SegmentTracker {
  readonly segments: Segment[] = [{ name: SETUP, start: 1, headerEnd: null, bookkeeping: true }]
  private openHeader: Segment | null = null
  /** Whether the log looked like a GitHub job log at all (a step header or the runner preamble). */
  isJobLog = false

  group(line: number, title: string, cliStep: string | null): void {
    if (!/^Run /.test(title)) return
    this.isJobLog = true
    const segment: Segment = { name: cliStep ?? title.slice(0, 200), start: line, headerEnd: null, bookkeeping: false }
    this.openHeader = this.add(segment) ? segment : null
  }

  runnerPreamble(): void {
    this.isJobLog = true
  }

  endgroup(line: number): void {
    if (this.openHeader) {
      this.openHeader.headerEnd = line
      this.openHeader = null
    }
  }

  postJob(line: number, title: string): void {
    const current = this.segments[this.segments.length - 1]!
    // Post steps and the job's end are one bookkeeping segment.
    if (current.bookkeeping && current.start !== 1) return
    this.add({ name: title, start: line, headerEnd: null, bookkeeping: true })
    this.openHeader = null
  }

  /** Past the cap (a log of thousands of steps), later steps fold into the last one kept. */
  private add(segment: Segment): boolean {
    if (this.segments.length >= MAX_SEGMENTS) return false
    this.segments.push(segment)
    return true
  }
}

export function segmentIndexOf(segments: readonly Segment[], line: number): number {
  let lo = 0
  let hi = segments.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (segments[mid]!.start <= line) lo = mid
    else hi = mid - 1
  }
  return lo
}

export function segmentRange(segments: readonly Segment[], index: number, totalLines: number): LineRange {
  const next = segments[index + 1]
  return { start: segments[index]!.start, end: next ? next.start - 1 : Math.max(totalLines, segments[index]!.start) }
}

export interface FailingSegment {
  index: number
  name: string
  number: number | null
}

/**
 * Which segment failed. `errorLines` are runner error markers; `fallbackLine` is where the
 * strongest cause line sits, used when nothing else tells. Logs that are not GitHub job logs
 * (Jenkins, a pasted excerpt) have no steps to name.
 */
export function findFailingSegment(
  segments: readonly Segment[],
  steps: readonly StepInfo[] | undefined,
  errorLines: readonly number[],
  fallbackLine: number | null,
  isJobLog: boolean
): FailingSegment | null {
  const fromApi = steps && steps.length > 0 ? failingFromApi(segments, steps, errorLines) : null
  if (fromApi) return fromApi
  if (!isJobLog) return null
  const marked = errorLines.map((line) => segmentIndexOf(segments, line)).filter((i) => i === 0 || !segments[i]!.bookkeeping)
  const index = marked.length > 0 ? marked[marked.length - 1]! : fallbackLine !== null ? segmentIndexOf(segments, fallbackLine) : null
  return index === null ? null : { index, name: segments[index]!.name, number: null }
}

function failingFromApi(segments: readonly Segment[], steps: readonly StepInfo[], errorLines: readonly number[]): FailingSegment | null {
  const ordered = [...steps].sort((a, b) => a.number - b.number)
  const failed = ordered.find((s) => s.conclusion === 'failure' || s.conclusion === 'timed_out' || s.conclusion === 'cancelled')
  if (!failed) return null
  if (failed.name === SETUP) return { index: 0, name: failed.name, number: failed.number }
  // Steps that print a `Run` header: everything but runner bookkeeping and skipped steps.
  const ran = ordered.filter((s) => s.name !== SETUP && s.name !== 'Complete job' && !/^Post /.test(s.name) && s.conclusion !== 'skipped')
  const logSteps = segments.map((s, i) => ({ s, i })).filter(({ s }) => !s.bookkeeping)
  const position = ran.indexOf(failed)
  if (ran.length === logSteps.length && position >= 0) {
    return { index: logSteps[position]!.i, name: failed.name, number: failed.number }
  }
  // Composite actions print nested `Run` headers, so counts can differ: keep the API's name and
  // place it on the last step with an error marker.
  const marked = errorLines.map((line) => segmentIndexOf(segments, line)).filter((i) => !segments[i]!.bookkeeping)
  const index = marked.length > 0 ? marked[marked.length - 1]! : logSteps.length > 0 ? logSteps[logSteps.length - 1]!.i : 0
  return { index, name: failed.name, number: failed.number }
}
