/**
 * Which test reports describe which failed job. The artifacts API knows only the run, not the job
 * that uploaded an artifact, so the link is inferred, conservatively: with one failed job, every
 * report of the run is about it (reports of jobs that passed hold no failures); with several, a
 * report goes to a job only when its artifact name carries that job's words (the matrix values
 * for matrix jobs) and fits no other failed job as well. A report that fits none, or several
 * equally, is used by none.
 */
import type { TestReport } from './types.js'

export function reportsForJob(jobName: string, failedJobNames: readonly string[], reports: readonly TestReport[]): TestReport[] {
  if (failedJobNames.length <= 1) return [...reports]
  const jobs = [...new Set([...failedJobNames, jobName])].map((name) => ({ name, key: jobKey(name), words: tokens(name) }))
  return reports.filter((report) => {
    const words = new Set(tokens(report.artifact))
    const fitting = jobs.filter((job) => job.key.length > 0 && job.key.every((word) => words.has(word)))
    // The most specific fit wins: `test-results-windows` is `test (windows)`'s, not `test`'s.
    const score = (job: (typeof jobs)[number]): number => job.words.filter((word) => words.has(word)).length
    const best = Math.max(0, ...fitting.map(score))
    const winners = fitting.filter((job) => score(job) === best)
    return winners.length === 1 && winners[0]?.name === jobName
  })
}

/** `test (ubuntu-latest, 18)` → its matrix values; `unit-tests` → its words. */
function jobKey(jobName: string): string[] {
  const matrix = /\(([^()]*)\)\s*$/.exec(jobName)
  return tokens(matrix ? matrix[1] : jobName)
}

/** Lower-case words and numbers, plural `s` dropped so `tests` meets `test-results`. */
function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word))
}
