/**
 * What ci-monitor writes on pull requests and issues, as Markdown (pure). Anything that comes from
 * a log, a model or a person (diagnosis, evidence, logins, names) is escaped or fenced here;
 * `reasons` are decide's Markdown-safe sentences.
 */
import { codeSpan, escapeMarkdownInline, markdownFence, safeLinkUrl, toSingleLine } from '../../notify/escape.js'
import type { PlannedFix } from '../../remediate/index.js'
import { approvalMarker, changeMarker, heldMarker, replyMarker, verifyMarker } from './markers.js'

const MAX_REASONS = 6
const MAX_REASON_CHARS = 400

export type RequestForm = 'pull-request' | 'issue'
export type ApprovalOutcome = 'approved' | 'rejected' | 'expired'

function reasonList(reasons: readonly string[]): string {
  return reasons
    .slice(0, MAX_REASONS)
    .map((reason) => `- ${toSingleLine(reason).replace(/\s+/g, ' ').slice(0, MAX_REASON_CHARS)}`)
    .join('\n')
}

/** A Markdown link for a URL from the API, or the label alone when the URL is not a plain web link. */
export function link(label: string, url: string | null | undefined): string {
  const safe = safeLinkUrl(url)
  return safe ? `[${label}](${safe})` : label
}

function hours(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)} hour${value === 1 ? '' : 's'}`
}

/** What is asked and how to answer, at the top of an approval request. */
export function approvalSection(reasons: readonly string[], timeoutHours: number, form: RequestForm): string {
  const approveEffect =
    form === 'pull-request'
      ? 'this pull request is marked ready for review (ci-monitor never merges it: merge it after review)'
      : 'this request is closed as approved, and the patch below stays here for a person to apply'
  const rejectEffect = form === 'pull-request' ? 'this pull request is closed' : 'this request is closed'
  return [
    '### Approval needed',
    'ci-monitor does not apply this fix on its own:',
    reasonList(reasons),
    'Someone with write, maintain or admin access to the repository answers with a comment:',
    `- \`/ci-monitor approve\`: ${approveEffect};`,
    `- \`/ci-monitor reject\`: ${rejectEffect}, and ci-monitor does not propose this change again.`,
    `Unanswered, the request is closed after ${hours(timeoutHours)}.`
  ].join('\n\n')
}

export interface ApprovalIssueInput {
  fingerprint: string
  change: string
  fix: PlannedFix
  runUrl: string
  runAttempt: number
  /** Untrusted: may echo the log or a model. */
  diagnosisSummary: string
  category: string
  reasons: readonly string[]
  timeoutHours: number
}

export function approvalIssueTitle(fix: PlannedFix): string {
  const title = `ci-monitor: approval needed: ${toSingleLine(fix.title).replace(/\s+/g, ' ').trim()}`
  return title.length > 256 ? `${title.slice(0, 255)}…` : title
}

/** An approval request as an issue, when no token may open a pull request: it holds the patch. */
export function approvalIssueBody(input: ApprovalIssueInput): string {
  const { fix } = input
  return [
    `ci-monitor proposes a change to ${codeSpan(fix.path)} after ${link(`run attempt ${input.runAttempt}`, input.runUrl)} failed, and asks for approval first.`,
    approvalSection(input.reasons, input.timeoutHours, 'issue'),
    '### Diagnosis',
    `${escapeMarkdownInline(input.diagnosisSummary, 1000)} (category ${codeSpan(input.category)})`,
    '### The change',
    fix.description,
    `Risk: ${fix.risk} of 10.`,
    '### Patch',
    'ci-monitor has no token that may change workflow files, so a person applies it with `git apply` after approval.',
    markdownFence(fix.patch.slice(0, 40_000).split('\n'), { info: 'diff', maxLineChars: 2_000 }),
    '### To undo',
    fix.rollback,
    `${approvalMarker(input.fingerprint)}\n${changeMarker(input.change)}`
  ].join('\n\n')
}

/** On a fix pull request whose branch others committed to: the update ci-monitor did not push. */
export function heldComment(options: { authors: readonly string[]; patch: string; change: string; runUrl: string }): string {
  const authors = options.authors.slice(0, 5).map((login) => codeSpan(login)).join(', ')
  return [
    `ci-monitor would update this branch after ${link('a new failure', options.runUrl)}, but the branch carries commits by ${authors || 'someone else'}, so ci-monitor leaves it as it is and never force-pushes.`,
    'The change it would make, against the default branch:',
    markdownFence(options.patch.slice(0, 40_000).split('\n'), { info: 'diff', maxLineChars: 2_000 }),
    heldMarker(options.change)
  ].join('\n\n')
}

/** Posted when the fix of a pending request changed, which restarts its wait for an answer. */
export function reRequestComment(runUrl: string): string {
  return `The proposed fix changed after ${link('a new failure', runUrl)}, so it needs an answer again (\`/ci-monitor approve\` or \`/ci-monitor reject\`).\n\n${REREQUEST_MARKER}`
}

/** Marks the comment whose time restarts a request's deadline. */
export const REREQUEST_MARKER = '<!-- ci-monitor:rerequested -->'

export interface ReplyInput {
  eventKey: string
  actor: string
  form: RequestForm
}

export function refusalReply(input: ReplyInput): string {
  return `${codeSpan(input.actor)} cannot answer this request: only people with write, maintain or admin access to the repository can. Nothing was changed.\n\n${replyMarker(input.eventKey)}`
}

export function decisionReply(input: ReplyInput & { outcome: 'approved' | 'rejected' }): string {
  const who = codeSpan(input.actor)
  let text: string
  if (input.outcome === 'approved') {
    text =
      input.form === 'pull-request'
        ? `Approved by ${who}. This pull request is now ready for review; ci-monitor never merges, so merge it after review.`
        : `Approved by ${who}. ci-monitor does not apply the patch itself: apply it with \`git apply\` and open a pull request. This request is closed as approved.`
  } else {
    text = `Rejected by ${who}, so this ${input.form === 'pull-request' ? 'pull request' : 'request'} is closed. ci-monitor does not propose this change again; if the failure continues and its fix changes, the new fix is proposed.`
  }
  return `${text}\n\n${replyMarker(input.eventKey)}`
}

export function alreadyDecidedReply(input: { eventKey: string; outcome: ApprovalOutcome | 'closed'; by: string | null }): string {
  const by = input.by ? ` by ${codeSpan(input.by)}` : ''
  const what = input.outcome === 'closed' ? 'closed' : input.outcome
  return `This request was already ${what}${by}; nothing was changed.\n\n${replyMarker(input.eventKey)}`
}

export function expiryComment(timeoutHours: number, eventKey: string): string {
  return `Nobody with write access answered within ${hours(timeoutHours)}, so this request has expired and is closed. If the failure happens again, ci-monitor asks again.\n\n${replyMarker(eventKey)}`
}

export interface VerificationComment {
  runId: number
  attempt: number
  runNumber: number
  runUrl: string
  /** Jobs that failed before and were checked in this run (names from the jobs API: untrusted). */
  jobs: readonly string[]
  passed: boolean
  /** Why it stays a draft although it passed (waits for approval), or null. */
  waiting: string | null
  markedReady: boolean
}

export function verificationComment(input: VerificationComment): string {
  const run = link(`run #${input.runNumber}`, input.runUrl)
  const jobs = input.jobs.slice(0, 5).map((name) => codeSpan(name)).join(', ') || 'the run'
  let text: string
  if (input.passed) {
    const after = input.markedReady ? ' Marked ready for review.' : input.waiting ? ` ${input.waiting}` : ''
    text = `Verified by ${run}: ${jobs} passed with this change.${after}`
  } else {
    text = `${run} failed again with this change: ${jobs} still failed. The pull request stays a draft.`
  }
  return `${text}\n\n${verifyMarker(input.runId, input.attempt)}`
}
