import { z } from 'zod'
import { ConfigurationError } from './errors.js'

/** What this invocation should do, decided from the event and inputs alone. */
export type Job =
  | { kind: 'analyze-run'; runId: number; source: 'workflow_run' | 'workflow_dispatch' | 'run-id input' }
  /** A re-run attempt passed: earlier failed attempts of the same commit were flaky. */
  | { kind: 'note-recovery'; runId: number; attempt: number }
  /** CI of a ci-monitor fix branch completed: does the fix work? (The handler checks the branch is really ours.) */
  | { kind: 'verify-fix'; runId: number }
  /** A person approves or rejects a fix that waits for approval (the handler checks their permission). */
  | { kind: 'approval'; number: number; decision: ApprovalDecision; actor: string; commentId: number | null }
  /** Scheduled housekeeping: expire approval requests nobody answered. */
  | { kind: 'sweep' }
  | { kind: 'skip'; reason: string }

export type ApprovalDecision = 'approve' | 'reject'

/** Fix branches are named by ci-monitor from a fingerprint, never from event text. */
export const FIX_BRANCH = /^ci-monitor\/fix-[0-9a-f]{8,64}$/
const COMMAND = /^\s*\/ci-monitor\s+(approve|reject)\b/
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/

export const ANALYSED_CONCLUSIONS = ['failure', 'timed_out', 'startup_failure'] as const

const SUPPORTED =
  'ci-monitor supports workflow_run (completed), workflow_dispatch with the run-id or approval-id input, issue_comment (/ci-monitor approve|reject) and schedule'

// Only the fields the decision needs; everything else in the payload is untrusted text we ignore here.
const workflowRunEvent = z.object({
  action: z.string(),
  workflow_run: z.object({
    id: z.number().int().positive(),
    conclusion: z.string().nullable(),
    path: z.string().optional(),
    run_attempt: z.number().int().positive().optional(),
    head_branch: z.string().nullable().optional()
  })
})

const issueCommentEvent = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int().positive() }),
  comment: z.object({ id: z.number().int().positive(), body: z.string().nullable(), user: z.object({ login: z.string(), type: z.string().optional() }) })
})

export interface EventFacts {
  eventName: string
  payload: unknown
  /** Input run-id, if given: analyse that run whatever the event. */
  runIdInput: number | null
  /** Inputs approval-id and approval-decision, for workflow_dispatch approvals. */
  approvalInput: { number: number; decision: ApprovalDecision } | null
  /** GITHUB_ACTOR: who started this run of ci-monitor. */
  actor: string
  /** GITHUB_WORKFLOW_REF of the monitor itself: `owner/repo/.github/workflows/x.yml@ref`. */
  ownWorkflowRef: string
}

export function pickJob(facts: EventFacts): Job {
  if (facts.approvalInput !== null) {
    return { kind: 'approval', ...facts.approvalInput, actor: facts.actor, commentId: null }
  }
  if (facts.eventName === 'issue_comment') return commentJob(facts.payload)
  if (facts.eventName === 'schedule') return { kind: 'sweep' }
  if (facts.runIdInput !== null) {
    return {
      kind: 'analyze-run',
      runId: facts.runIdInput,
      source: facts.eventName === 'workflow_dispatch' ? 'workflow_dispatch' : 'run-id input'
    }
  }
  if (facts.eventName === 'workflow_dispatch') {
    throw new ConfigurationError(
      "workflow_dispatch needs the run id to analyse (input 'run-id') or an approval (inputs 'approval-id' and 'approval-decision')."
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
  if (typeof run.head_branch === 'string' && FIX_BRANCH.test(run.head_branch) && (run.conclusion === 'success' || run.conclusion === 'failure')) {
    return { kind: 'verify-fix', runId: run.id }
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

function commentJob(payload: unknown): Job {
  const parsed = issueCommentEvent.safeParse(payload)
  if (!parsed.success || parsed.data.action !== 'created') return { kind: 'skip', reason: 'Only new comments can carry a ci-monitor command.' }
  const { issue, comment } = parsed.data
  const command = COMMAND.exec(comment.body ?? '')
  if (!command) return { kind: 'skip', reason: `Comment ${comment.id} is not a ci-monitor command.` }
  // Our own replies (and other bots) never command us: no loops, no bot-driven approvals.
  if (comment.user.type === 'Bot' || comment.user.login.endsWith('[bot]') || !LOGIN.test(comment.user.login)) {
    return { kind: 'skip', reason: `Comment ${comment.id} is from a bot; commands are taken from people only.` }
  }
  return { kind: 'approval', number: issue.number, decision: command[1] as ApprovalDecision, actor: comment.user.login, commentId: comment.id }
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
