import type { IssueFacts } from '../../github/issues.js'
import type { PullFacts } from '../../github/pulls.js'
import { fixBranchName } from '../../remediate/index.js'
import {
  approvalFingerprintOf,
  APPROVAL_LABEL,
  APPROVED_LABEL,
  changeOf,
  EXPIRED_LABEL,
  LABEL,
  REJECTED_LABEL
} from '../proposals/markers.js'
import type { ApprovalOutcome, ApprovalRequestFacts } from './record.js'

/** An approval request ci-monitor made, as read back from GitHub. */
export interface ApprovalRequest extends ApprovalRequestFacts {
  state: 'open' | 'closed'
  labels: string[]
}

export type Recognition = { ok: true; request: ApprovalRequest } | { ok: false; why: string }

/**
 * Is this issue (and, for a pull request, its head) an approval request of ci-monitor's? It must
 * carry the approval marker and a ci-monitor label; a pull request must come from the fix branch
 * of that fingerprint in this repository, never a fork. Pure.
 */
export function recognise(issue: IssueFacts, pull: PullFacts | null, repository: string): Recognition {
  const fingerprint = approvalFingerprintOf(issue.body)
  const labelled = issue.labels.some((label) => label === LABEL || label.startsWith(`${LABEL}:`))
  if (fingerprint === null || !labelled) return { ok: false, why: `#${issue.number} is not a ci-monitor approval request` }
  if (issue.isPullRequest) {
    if (!pull) return { ok: false, why: `pull request #${issue.number} could not be read` }
    if (pull.headRepository?.toLowerCase() !== repository.toLowerCase() || pull.headRef !== fixBranchName(fingerprint)) {
      return { ok: false, why: `pull request #${issue.number} does not come from ci-monitor's fix branch in this repository` }
    }
  }
  return {
    ok: true,
    request: {
      repository,
      number: issue.number,
      form: issue.isPullRequest ? 'pull-request' : 'issue',
      url: issue.url,
      fingerprint,
      change: changeOf(issue.body),
      requested_at: issue.createdAt,
      state: issue.state,
      labels: issue.labels
    }
  }
}

export type RequestState = 'pending' | ApprovalOutcome | 'closed'

/** Waiting for an answer while open and labelled; otherwise how it was answered, as its labels say. */
export function requestState(request: Pick<ApprovalRequest, 'state' | 'labels'>): RequestState {
  const { labels } = request
  if (labels.includes(APPROVED_LABEL)) return 'approved'
  if (labels.includes(REJECTED_LABEL)) return 'rejected'
  if (labels.includes(EXPIRED_LABEL)) return 'expired'
  return request.state === 'open' && labels.includes(APPROVAL_LABEL) ? 'pending' : 'closed'
}

const OUTCOME_LABEL: Record<ApprovalOutcome, string> = { approved: APPROVED_LABEL, rejected: REJECTED_LABEL, expired: EXPIRED_LABEL }
const ANSWER_LABELS = new Set([APPROVAL_LABEL, APPROVED_LABEL, REJECTED_LABEL, EXPIRED_LABEL])

/** The labels after a decision: the pending label gives way to the outcome's. */
export function decidedLabels(labels: readonly string[], outcome: ApprovalOutcome): string[] {
  return [...labels.filter((label) => !ANSWER_LABELS.has(label)), OUTCOME_LABEL[outcome]]
}

/** When the request started waiting: its creation, or the last time its changed fix asked again. */
export function waitingSince(createdAt: string, reRequests: readonly string[]): string {
  return [createdAt, ...reRequests].reduce((latest, at) => (Date.parse(at) > Date.parse(latest) ? at : latest))
}

export function isExpired(since: string, now: Date, timeoutHours: number): boolean {
  const started = Date.parse(since)
  return Number.isFinite(started) && now.getTime() - started >= timeoutHours * 3_600_000
}
