/** Did the fix work? Judged from the run of the fix branch alone (pure). */
export interface VerdictInput {
  /** Names of the jobs that failed this way before (from the fingerprint's document); empty if unknown. */
  failedJobs: readonly string[]
  /** The jobs of the fix branch's run attempt. */
  jobs: ReadonlyArray<{ name: string; conclusion: string | null }>
  runConclusion: string | null
}

export type Verdict =
  | { outcome: 'verified'; jobs: string[] }
  | { outcome: 'failed-again'; jobs: string[] }
  /** Nothing to judge by: the jobs that failed did not run, or did not finish. */
  | { outcome: 'inconclusive'; reason: string }

const FAILED = new Set(['failure', 'timed_out'])

/**
 * The jobs that failed before decide: all of them passed → verified (even if some other job of
 * the run failed, which the fix did not touch); any of them failed → failed again. Without a
 * record of which jobs failed, the run's own conclusion decides.
 */
export function verdictOf(input: VerdictInput): Verdict {
  const names = new Set(input.failedJobs)
  if (names.size === 0) {
    if (input.runConclusion === 'success') return { outcome: 'verified', jobs: input.jobs.map((job) => job.name) }
    if (input.runConclusion !== null && FAILED.has(input.runConclusion)) {
      return { outcome: 'failed-again', jobs: input.jobs.filter((job) => FAILED.has(job.conclusion ?? '')).map((job) => job.name) }
    }
    return { outcome: 'inconclusive', reason: `the run concluded '${input.runConclusion ?? 'none'}'` }
  }
  const relevant = input.jobs.filter((job) => names.has(job.name))
  if (relevant.length === 0) return { outcome: 'inconclusive', reason: 'none of the jobs that failed before ran in this run' }
  const failing = relevant.filter((job) => FAILED.has(job.conclusion ?? ''))
  if (failing.length > 0) return { outcome: 'failed-again', jobs: failing.map((job) => job.name) }
  if (relevant.every((job) => job.conclusion === 'success')) return { outcome: 'verified', jobs: relevant.map((job) => job.name) }
  return { outcome: 'inconclusive', reason: 'the jobs that failed before did not finish in this run' }
}
