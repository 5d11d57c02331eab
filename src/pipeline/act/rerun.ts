import { httpStatus } from '../../github/client.js'
import { rerunFailedJobs, type RunInfo } from '../../github/runs.js'
import type { ActDeps, EffectLog } from './types.js'

/** Re-runs the failed jobs once, with debug logging so the second log carries more evidence. */
export async function rerun(
  run: RunInfo,
  deps: ActDeps,
  effects: EffectLog
): Promise<string> {
  if (deps.dryRun) {
    effects.record({ kind: 'rerun', outcome: 'dry-run', detail: `Would re-run the failed jobs of run ${run.id} with debug logging.` })
    return 'Would re-run the failed jobs once (dry run).'
  }
  try {
    await rerunFailedJobs(deps.octokit, deps.repo, run.id)
    effects.record({ kind: 'rerun', outcome: 'done', detail: `Re-ran the failed jobs of run ${run.id} (attempt ${run.runAttempt + 1}, debug logging on).` })
    return `Re-ran the failed jobs once (attempt ${run.runAttempt + 1}, with debug logging).`
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const hint = httpStatus(error) === 403 ? ' The github-token needs the actions: write permission.' : ''
    effects.problem(`Re-running the failed jobs failed: ${message}.${hint}`)
    effects.record({ kind: 'rerun', outcome: 'failed', detail: message })
    return 'Tried to re-run the failed jobs, but GitHub refused; reported instead.'
  }
}
