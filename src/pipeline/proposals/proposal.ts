import type { RunInfo } from '../../github/runs.js'
import { fixBranchName, fixPrBody, fixPrTitle, type PlannedFix } from '../../remediate/index.js'
import type { DecidedJob } from '../decide-jobs.js'
import { approvalMarker, APPROVAL_LABEL, changeKey, changeMarker, LABEL } from './markers.js'
import { approvalSection } from './texts.js'

/** Everything needed to put one planned fix on its branch and in a pull request. */
export interface FixProposal {
  fingerprint: string
  branch: string
  base: string
  title: string
  /** The full body, markers included. */
  body: string
  labels: string[]
  fix: PlannedFix
  /** `changeKey(fix)`: what a closed pull request refused, compared with what is proposed now. */
  change: string
  /** A draft that waits for `/ci-monitor approve` before it may become ready for review. */
  approval: boolean
}

export interface ApprovalTerms {
  /** Hours before an unanswered request is closed by the scheduled sweep. */
  timeoutHours: number
}

/**
 * The proposal for a decided job's fix (pure). The branch comes from the fingerprint only; the
 * body is remediate's fix body, with the approval section in front for requests, and ci-monitor's
 * markers at the end.
 */
export function buildProposal(job: DecidedJob, run: RunInfo, base: string, approval: ApprovalTerms | null): FixProposal {
  const fix = job.decision.fix
  if (!fix) throw new Error('a proposal needs a planned fix')
  const fingerprint = job.triage.fingerprint
  const change = changeKey(fix)
  const fixBody = fixPrBody({
    fix,
    fingerprint,
    runUrl: run.htmlUrl,
    runAttempt: run.runAttempt,
    diagnosisSummary: job.diagnosis.summary,
    category: job.diagnosis.category,
    confidence: job.diagnosis.confidence,
    evidence: job.diagnosis.evidence.map((line) => line.text),
    reasons: approval ? pullRequestReasons(job.decision.reasons) : job.decision.reasons
  })
  const markers = [changeMarker(change), ...(approval ? [approvalMarker(fingerprint)] : [])].join('\n')
  const head = approval ? approvalSection(approvalReasons(job.decision.reasons), approval.timeoutHours, 'pull-request') + '\n\n' : ''
  return {
    fingerprint,
    branch: fixBranchName(fingerprint),
    base,
    title: fixPrTitle(fix),
    // fixPrBody stays under MAX_PR_BODY and the section and markers are bounded, so the whole
    // stays under GitHub's 65,536 characters without cutting through a fence.
    body: `${head}${fixBody}\n\n${markers}`,
    labels: [LABEL, job.diagnosis.category, ...(approval ? [APPROVAL_LABEL] : [])],
    fix,
    change,
    approval: approval !== null
  }
}

/**
 * `decide` ends an approval decision with "delivered for review instead of a pull request", which
 * is true for the patch form only; in a draft pull request that sentence would contradict the page.
 */
export function pullRequestReasons(reasons: readonly string[]): string[] {
  return reasons.filter((reason) => !/instead of a pull request\.?$/.test(reason))
}

/** The sentences that say why a person must approve (risk above the threshold, protected repository). */
export function approvalReasons(reasons: readonly string[]): string[] {
  const asking = reasons.filter((reason) => /must approve/.test(reason))
  return asking.length > 0 ? asking : pullRequestReasons(reasons)
}
