import { z } from 'zod'
import { ConfigurationError } from './errors.js'

/** What this invocation should do, decided from the event and inputs alone. */
export type Job =
  | { kind: 'analyze-run'; runId: number; source: 'workflow_run' | 'workflow_dispatch' | 'run-id input' }
  /** A re-run attempt passed: earlier failed attempts of the same commit were flaky. */
  | { kind: 'note-recovery'; runId: number; attempt: number }
  | { kind: 'skip'; reason: string }

export const ANALYSED_CONCLUSIONS = ['failure', 'timed_out', 'startup_failure'] as const

const SUPPORTED = 'ci-monitor supports workflow_run (completed) and workflow_dispatch with the run-id input'

// Only the fields the decision needs; everything else in the payload is untrusted text we ignore here.
const workflowRunEvent = z.object({
  action: z.string(),
  workflow_run: z.object({
    id: z.number().int().positive(),
    conclusion: z.string().nullable(),
    path: z.string().optional(),
    run_attempt: z.number().int().positive().optional()
  })
})

export interface EventFacts {
  eventName: string
  payload: unknown
  /** Input run-id, if given: analyse that run whatever the event. */
  runIdInput: number | null
  /** GITHUB_WORKFLOW_REF of the monitor itself: `owner/repo/.github/workflows/x.yml@ref`. */
  ownWorkflowRef: string
}

export function pickJob(facts: EventFacts): Job {
  if (facts.runIdInput !== null) {
    return {
      kind: 'analyze-run',
      runId: facts.runIdInput,
      source: facts.eventName === 'workflow_dispatch' ? 'workflow_dispatch' : 'run-id input'
    }
  }
  if (facts.eventName === 'workflow_dispatch') {
    throw new ConfigurationError(
      "workflow_dispatch needs the run id to analyse: pass it with the 'run-id' input (e.g. run-id: ${{ inputs.run-id }})."
    )
  }
  if (facts.eventName !== 'workflow_run') {
    return { kind: 'skip', reason: `Event '${safeName(facts.eventName)}' is not analysed: ${SUPPORTED}.` }
  }
  const parsed = workflowRunEvent.safeParse(facts.payload)
  if (!parsed.success) {
    return { kind: 'skip', reason: `The workflow_run event payload lacks the run id or conclusion: nothing to analyse.` }
  }
  const { action, workflow_run: run } = parsed.data
  if (action !== 'completed') {
    return { kind: 'skip', reason: `workflow_run action '${safeName(action)}' is not analysed; only 'completed' runs are.` }
  }
  if (run.path !== undefined && isOwnWorkflow(run.path, facts.ownWorkflowRef)) {
    return { kind: 'skip', reason: `Run ${run.id} is a run of ci-monitor's own workflow: not analysed, to avoid loops.` }
  }
  const conclusion = run.conclusion ?? 'none'
  if (conclusion === 'success' && (run.run_attempt ?? 1) > 1) {
    return { kind: 'note-recovery', runId: run.id, attempt: run.run_attempt ?? 1 }
  }
  if (!(ANALYSED_CONCLUSIONS as readonly string[]).includes(conclusion)) {
    return { kind: 'skip', reason: `Run ${run.id} concluded '${safeName(conclusion)}': nothing to analyse.` }
  }
  return { kind: 'analyze-run', runId: run.id, source: 'workflow_run' }
}

function isOwnWorkflow(runPath: string, ownWorkflowRef: string): boolean {
  if (ownWorkflowRef === '') return false
  const ownPath = ownWorkflowRef.replace(/@.*$/, '').split('/').slice(2).join('/')
  return ownPath === runPath.replace(/@.*$/, '')
}

/** Event names and enum-like fields are short words; anything else is shown truncated and inert. */
function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '?').slice(0, 40)
}
