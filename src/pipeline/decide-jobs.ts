import type { Config } from '../context/config.js'
import { decide, judgeProposedDiff, planFix, type Decision, type FixRefusal, type PlannedFix } from '../remediate/index.js'
import type { RunInfo } from '../github/runs.js'
import type { JobDiagnosis } from './diagnose.js'

/** A diagnosed job with the decision about it. */
export interface DecidedJob extends JobDiagnosis {
  decision: Decision
}

export interface DecideJobsInput {
  run: RunInfo
  repository: string
  jobs: JobDiagnosis[]
  config: Config
  /** The failed workflow file as it is on the branch a fix would be based on (null if absent there). */
  baseWorkflowText: string | null
  fixTokenAvailable: boolean
  dryRun: boolean
  /** Hosted runners of public repositories are larger (node-heap sizes the heap by it). */
  visibility: 'public' | 'private' | 'internal'
}

/**
 * A single network blip is re-run, not answered with a workflow change: a retry is proposed only
 * once the same failure has been seen this many times before.
 */
export const RETRY_FIX_AFTER = 2

/**
 * Decides every job, then reconciles the run: the failed jobs are re-run together, so a re-run
 * only happens when every failed job is one a re-run can fix.
 */
export function decideJobs(input: DecideJobsInput): DecidedJob[] {
  const { run } = input
  const decided = input.jobs.map((job): DecidedJob => {
    const plan = planFor(job, input)
    const decision = decide({
      diagnosis: job.diagnosis,
      plan,
      policy: {
        riskThreshold: input.config.risk_threshold,
        protectedRepositories: input.config.protected_repositories,
        allowedPaths: input.config.allowed_paths
      },
      run: {
        repository: input.repository,
        runAttempt: run.runAttempt,
        fromFork: run.headRepositoryId === null || run.headRepositoryId !== run.repositoryId,
        fixTokenAvailable: input.fixTokenAvailable,
        dryRun: input.dryRun
      }
    })
    return { ...job, decision }
  })
  const everyJobWantsRerun = decided.every((job) => job.decision.rerun)
  if (everyJobWantsRerun) return decided
  return decided.map((job) =>
    job.decision.rerun
      ? {
          ...job,
          decision: {
            ...job.decision,
            action: 'notify',
            rerun: false,
            notify: true,
            reasons: [...job.decision.reasons, 'Other jobs of this run failed for reasons a re-run will not fix, so nothing is re-run.']
          }
        }
      : job
  )
}

function planFor(job: JobDiagnosis, input: DecideJobsInput): PlannedFix | FixRefusal | null {
  const intent = job.diagnosis.fix
  if (!intent) return null
  if (intent.kind === 'add-retry' && job.history.seen < RETRY_FIX_AFTER) return null
  if (input.baseWorkflowText === null) {
    return { refused: 'The workflow file is not on the default branch, so there is nothing to fix there.', code: 'not-found' }
  }
  if (intent.kind === 'proposed-diff') {
    // The model's diff may change the failed run's workflow only, as it is on the default branch.
    return judgeProposedDiff({
      diff: intent.diff,
      files: { [input.run.path]: input.baseWorkflowText },
      allowedPaths: input.config.allowed_paths,
      target: input.run.path
    })
  }
  return planFix({
    workflowPath: input.run.path,
    workflowText: input.baseWorkflowText,
    intent,
    jobName: job.job.name,
    runnerLabels: job.job.labels,
    repositoryVisibility: input.visibility
  })
}
