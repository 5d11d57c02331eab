// Webhook payloads for runs in the simulator, written to GITHUB_EVENT_PATH by tests and the demo.
import type { SimCore } from './handler.ts'
import { runJson } from './handlers/actions.ts'
import type { RepoModel } from './model.ts'
import { workflow } from './resources/actions.ts'
import { fullRepository, simpleUser } from './resources/common.ts'

/**
 * The `workflow_run` event with `action: completed` for the current attempt of a run, as GitHub
 * delivers it to a workflow triggered `on: workflow_run`.
 */
export async function workflowRunCompletedEvent(core: SimCore, repo: RepoModel, runId: number): Promise<Record<string, unknown>> {
  const run = repo.runs.get(runId)
  if (!run) throw new Error(`no run ${runId} in ${repo.fullName}`)
  const model = repo.workflows.get(run.workflowId)
  if (!model) throw new Error(`run ${runId} has no workflow`)
  const attempt = run.attempts[run.attempts.length - 1]
  return {
    action: 'completed',
    workflow_run: await runJson(core, repo, run, run.attempts.length),
    workflow: workflow(core.urls, repo, model),
    repository: fullRepository(core.state, core.urls, repo),
    sender: simpleUser(core.urls, core.state.user(attempt.triggeringActor))
  }
}
