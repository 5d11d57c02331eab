/**
 * When did a failed run's workflow turn green again on its branch? ci-monitor only sees failed
 * runs, so the sweep asks the API for the successes that came after one, and writes the first
 * down as `recoveries/<run id>.json` (the metrics turn it into time to recovery).
 */
import type { Octokit, Repo } from '../../github/client.js'
import { getRunAttempt, listSuccessfulRunsSince, type RunTimes } from '../../github/runs.js'
import { buildRecoveryDoc, type RecoveryDoc } from '../../state/recoveries.js'
import type { PendingRecovery } from './pending.js'

/**
 * The success that ended the failure (pure): among successful runs of the same workflow and branch
 * from the same head repository, created at or after the failed run (the failed run itself counts:
 * a re-run that passed) and completed after the failed attempt, the first to complete.
 */
export function nextSuccess(failed: RunTimes, successes: readonly RunTimes[]): RunTimes | null {
  const failedAt = Date.parse(failed.updatedAt)
  const created = Date.parse(failed.createdAt)
  const after = successes.filter(
    (run) =>
      run.conclusion === 'success' &&
      run.workflowId === failed.workflowId &&
      run.headBranch === failed.headBranch &&
      run.headRepositoryId === failed.headRepositoryId &&
      Date.parse(run.createdAt) >= created &&
      Date.parse(run.updatedAt) >= failedAt
  )
  return after.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.id - b.id)[0] ?? null
}

/**
 * The recovery document for a failed run, or null while its branch has not turned green (or the
 * run is gone, or still running). Two or three API requests.
 */
export async function lookUpRecovery(octokit: Octokit, repo: Repo, pending: PendingRecovery): Promise<RecoveryDoc | null> {
  const failed = await getRunAttempt(octokit, repo, pending.runId, pending.attempt)
  if (!failed || failed.status !== 'completed' || failed.headBranch === '' || failed.path === '') return null
  const successes = await listSuccessfulRunsSince(octokit, repo, { workflowId: failed.workflowId, branch: failed.headBranch, since: failed.createdAt })
  const next = nextSuccess(failed, successes)
  if (!next) return null
  return buildRecoveryDoc({
    repository: `${repo.owner}/${repo.repo}`,
    runId: failed.id,
    workflowPath: failed.path,
    branch: failed.headBranch,
    failedAt: new Date(failed.updatedAt),
    recoveredAt: new Date(next.updatedAt),
    recoveredByRunId: next.id
  })
}
