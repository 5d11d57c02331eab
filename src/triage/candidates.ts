/**
 * The bounded memory of triage: windows of raw log lines around keyword hits. A huge log can hold
 * hundreds of thousands of hits; the store keeps the most telling windows (highest keyword
 * weight, the earliest on ties, since the first real error beats its echoes) plus, always, the
 * most recent windows (the job stops right after the step that failed). Windows keep raw bytes:
 * only the survivors are decoded, once, at the end.
 */

export interface Window {
  /** Line number of the first line in `lines`. */
  start: number
  /** Raw lines (without LF), each already capped to the line limit. */
  lines: Uint8Array[]
  /** Lines whose raw form was longer than the cap. */
  cut: Set<number>
  weight: number
}

export const RECENT_WINDOWS = 8
const MAX_RANKED_WINDOWS = 400
const MAX_RANKED_LINES = 4000

export class CandidateStore {
  /** Ranked windows by weight bucket, each bucket in log order. */
  private readonly buckets = new Map<number, Window[]>()
  private rankedWindows = 0
  private rankedLines = 0
  private readonly recent: Window[] = []

  /** Would a window of this weight and size get in? Decided before copying its lines. */
  wouldAccept(weight: number, lines: number): boolean {
    if (this.rankedWindows < MAX_RANKED_WINDOWS && this.rankedLines + lines <= MAX_RANKED_LINES) return true
    return weight > this.lowestWeight()
  }

  addRanked(window: Window): void {
    if (!this.wouldAccept(window.weight, window.lines.length)) return
    const bucket = this.buckets.get(window.weight) ?? []
    bucket.push(window)
    this.buckets.set(window.weight, bucket)
    this.rankedWindows++
    this.rankedLines += window.lines.length
    while (this.rankedWindows > MAX_RANKED_WINDOWS || this.rankedLines > MAX_RANKED_LINES) {
      const evicted = this.buckets.get(this.lowestWeight())!.pop()!
      this.rankedWindows--
      this.rankedLines -= evicted.lines.length
    }
  }

  /** Adds to the recent ring; returns the windows it pushed out, oldest first. */
  addRecent(window: Window): Window[] {
    this.recent.push(window)
    return this.recent.length > RECENT_WINDOWS ? this.recent.splice(0, this.recent.length - RECENT_WINDOWS) : []
  }

  /** Every kept window, in log order. */
  windows(): Window[] {
    const all: Window[] = [...this.recent]
    for (const bucket of this.buckets.values()) all.push(...bucket)
    return all.sort((a, b) => a.start - b.start)
  }

  private lowestWeight(): number {
    let lowest = Infinity
    for (const [weight, bucket] of this.buckets) if (bucket.length > 0 && weight < lowest) lowest = weight
    return lowest
  }
}
