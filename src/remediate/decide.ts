import picomatch from 'picomatch'
import type { Diagnosis } from '../classify/types.js'
import { checkFixSafety } from './gate.js'
import type { WorkflowValidator } from './gate.js'
import { codeSpan } from '../notify/escape.js'
import type { FixRefusal, PlannedFix } from './types.js'

/** The part of the configuration that governs automatic changes. */
export interface FixPolicy {
  /** 0..10: fixes with a higher risk are not opened as PRs automatically. */
  riskThreshold: number
  /** `owner/name` globs of repositories where every fix needs a human first. */
  protectedRepositories: string[]
  /** Globs of the paths a fix may edit. */
  allowedPaths: string[]
  /** The cap planFix raised timeouts to (default 360); the gate refuses higher limits. */
  maxTimeoutMinutes?: number
}

export const DEFAULT_FIX_POLICY: FixPolicy = {
  riskThreshold: 5,
  protectedRepositories: [],
  allowedPaths: ['.github/workflows/**']
}

/** Facts about the run from the API and the action's setup, never from the log. */
export interface RunFacts {
  /** `owner/name` of the repository the monitor runs in. */
  repository: string
  runAttempt: number
  /** True when `head_repository` is null or has another id than `repository`. */
  fromFork: boolean
  /** True when a token that may write workflow files (App or PAT) is configured. */
  fixTokenAvailable: boolean
  dryRun: boolean
}

export interface DecideInput {
  diagnosis: Diagnosis
  /** The planned fix, the planner's refusal, or null when the diagnosis carries no fix intent. */
  plan: PlannedFix | FixRefusal | null
  policy: FixPolicy
  run: RunFacts
  /** Workflow syntax check for the gate (default: the built-in minimal check). */
  validateWorkflow?: WorkflowValidator
}

/**
 * What ci-monitor does about one failed job. A fix a person must approve first is a
 * `deliver-patch` with `needsApproval` (an approval request holds it).
 */
export const DECISION_ACTIONS = ['open-pr', 'deliver-patch', 'rerun', 'notify', 'skip'] as const
export type DecisionAction = (typeof DECISION_ACTIONS)[number]

export interface Decision {
  action: DecisionAction
  /**
   * Plain sentences for the audit trail and the job summary, in the order they were decided.
   * Markdown-safe: names appear as code spans.
   */
  reasons: string[]
  /** The fix to open or deliver; null for every other action. */
  fix: PlannedFix | null
  /** Re-run the failed jobs of the run. */
  rerun: boolean
  /** Tell people (Slack, job summary). */
  notify: boolean
  /** A human must approve before the fix is applied. */
  needsApproval: boolean
  /** Record what would be done, change nothing. */
  dryRun: boolean
}

export const MIN_CONFIDENCE = 0.5

/**
 * Chooses what ci-monitor does about one diagnosed failure. Pure: everything it needs is in the
 * input, and every branch says why in `reasons`.
 */
export function decide(input: DecideInput): Decision {
  const decision = choose(input)
  if (input.run.dryRun) {
    decision.reasons.push('Dry run: nothing is changed; this records what ci-monitor would do.')
    decision.dryRun = true
  }
  return decision
}

function choose({ diagnosis, plan, policy, run, validateWorkflow }: DecideInput): Decision {
  const category = diagnosis.category.replace(/_/g, ' ')
  if (diagnosis.owner === 'DEVELOPER') {
    return notify([`The failure is in the code (${category}), so the developers are told; ci-monitor changes nothing.`])
  }
  if (run.fromFork) {
    return notify(['The run came from a fork, so ci-monitor only reports it: no pull request and no re-run.'])
  }
  if (!(diagnosis.confidence >= MIN_CONFIDENCE)) {
    return notify([
      `The diagnosis confidence (${formatConfidence(diagnosis.confidence)}) is below ${MIN_CONFIDENCE}, so ci-monitor does not fix or re-run automatically and reports it instead.`
    ])
  }
  if (plan !== null && !('refused' in plan)) return decideFix(plan, policy, run, validateWorkflow)

  const reasons = plan === null ? [] : [`No fix is proposed: ${plan.refused}`]
  if (!diagnosis.transient) {
    return notify([...reasons, `The pipeline failure (${category}) needs a person; a re-run would fail the same way.`])
  }
  if (run.runAttempt > 1) {
    return notify([
      ...reasons,
      `The failure looks transient (${category}), but this was already attempt ${run.runAttempt}, so ci-monitor does not re-run again and reports it instead.`
    ])
  }
  return {
    ...base('rerun'),
    rerun: true,
    reasons: [...reasons, `The failure looks transient (${category}), so the failed jobs are re-run once.`]
  }
}

function decideFix(plan: PlannedFix, policy: FixPolicy, run: RunFacts, validate: WorkflowValidator | undefined): Decision {
  if (!picomatch.isMatch(plan.path, policy.allowedPaths, { dot: true })) {
    return notify([`The fix would edit ${codeSpan(plan.path)}, which is outside the allowed paths, so it is refused.`])
  }
  // Only ci-monitor's own add-permission recipe may widen the token, and only by its one scope.
  const grant = plan.origin === 'catalog' && plan.kind === 'add-permission' ? plan.permissionGrant : null
  const violations = checkFixSafety(plan.before, plan.after, {
    permissionGrant: grant,
    ...(validate ? { validate } : {}),
    ...(policy.maxTimeoutMinutes !== undefined ? { maxTimeoutMinutes: policy.maxTimeoutMinutes } : {})
  })
  if (violations.length > 0) {
    return notify([...violations.map((v) => `The fix is refused by the safety gate: ${v.message}`)])
  }

  const reasons = [`A fix is ready: ${plan.title} (risk ${plan.risk} of 10).`]
  const approvalReasons: string[] = []
  if (plan.risk > policy.riskThreshold) {
    approvalReasons.push(`Its risk ${plan.risk} is above the threshold of ${policy.riskThreshold}, so a person must approve it before it is applied.`)
  }
  if (policy.protectedRepositories.length > 0 && picomatch.isMatch(run.repository, policy.protectedRepositories, { nocase: true })) {
    approvalReasons.push(`${codeSpan(run.repository)} is a protected repository, so a person must approve the fix before it is applied.`)
  }
  if (approvalReasons.length > 0) {
    return {
      ...base('deliver-patch'),
      fix: plan,
      notify: true,
      needsApproval: true,
      reasons: [...reasons, ...approvalReasons, 'The patch is delivered for review instead of a pull request.']
    }
  }
  if (!run.fixTokenAvailable) {
    return {
      ...base('deliver-patch'),
      fix: plan,
      notify: true,
      reasons: [
        ...reasons,
        'No token that may change workflow files is configured: GitHub refuses workflow-file changes made with the default GITHUB_TOKEN, which has no workflows permission.',
        'The patch is delivered for a person to apply; configure a GitHub App or a token with the workflow scope to get pull requests.'
      ]
    }
  }
  return { ...base('open-pr'), fix: plan, notify: true, reasons: [...reasons, 'A pull request with the fix is opened for review.'] }
}

function base(action: DecisionAction): Decision {
  return { action, reasons: [], fix: null, rerun: false, notify: false, needsApproval: false, dryRun: false }
}

function notify(reasons: string[]): Decision {
  return { ...base('notify'), notify: true, reasons }
}

function formatConfidence(confidence: number): string {
  return Number.isFinite(confidence) ? confidence.toFixed(2) : 'unknown'
}
