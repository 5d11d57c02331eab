/** What triage learns from one job log. Line numbers are 1-based lines of the original log. */

import type { Baseline } from './baseline.js'

/** A step as the jobs API reports it (absent when the log is analysed on its own). */
export interface StepInfo {
  number: number
  name: string
  conclusion: string | null
}

/** Inclusive range of original log lines. */
export interface LineRange {
  start: number
  end: number
}

/** One log line after normalisation (ANSI, timestamps, runner markers removed). */
export interface LogLine {
  n: number
  text: string
}

export interface TriageOptions {
  /** Steps of the job from the jobs API; used to name the failing step. */
  steps?: StepInfo[]
  /** Stable identity folded into the fingerprint, e.g. [workflow path, job name without matrix]. */
  identity?: string[]
  /** Excerpt budget in lines (default 60). */
  maxExcerptLines?: number
  /** Longest line kept before truncation, in bytes of UTF-8 (default 8192). */
  maxLineLength?: number
  /** Bytes read before the rest of the log is skipped (default 512 MiB). */
  maxBytes?: number
  /**
   * The same job's log from its last green run (`buildBaseline`): lines it also printed rank
   * below lines that are new, so echoes of normal output do not crowd out the novel error.
   */
  baseline?: Baseline
}

export interface Triage {
  /** Lines and bytes seen. */
  totalLines: number
  totalBytes: number
  /** True when the byte cap or line-length cap dropped content. */
  truncated: boolean
  /** Lines that held NUL or other binary bytes. */
  binaryLines: number
  /** The step the failure happened in, when it could be told. */
  failingStep: { name: string; number: number | null; range: LineRange } | null
  /** Lines the runner or a tool marked as errors (##[error], ::error, …). */
  errorLines: number[]
  /** The few lines that explain the failure, in log order, within the budget. */
  excerpt: { ranges: LineRange[]; lines: LogLine[] }
  /** Normalised lines the fingerprint was computed from (chosen without the baseline). */
  signature: string[]
  /**
   * Stable id of this failure: same when only numbers, hashes, temp paths, timestamps change, and
   * whether or not a green run's baseline was given.
   */
  fingerprint: string
  /** Secrets masked in the lines that left triage, counted per family (never the values). */
  redactions: Record<string, number>
  /**
   * When a green run's baseline was given: its size, how many candidate lines (lines that
   * scored) it demoted because the green run printed them too, and which excerpt lines those are
   * (a rule matching only such a line describes normal output, not this failure).
   */
  baseline: { lines: number; templates: number; demoted: number; seenInGreen: number[] } | null
}
