import type { ApprovalDecision } from '../../context/event.js'
import { httpStatus, type Octokit, type Repo } from '../../github/client.js'
import { mayDecide, repositoryAccess } from '../../github/collaborators.js'
import { createComment, getIssue, listComments, type IssueFacts } from '../../github/issues.js'
import { getPull } from '../../github/pulls.js'
import type { HandlerDeps, JobResult } from '../proposals/job-result.js'
import { hasMarker, replyMarker } from '../proposals/markers.js'
import { approvalDecisionMessage } from '../proposals/slack.js'
import { alreadyDecidedReply, decisionReply, refusalReply } from '../proposals/texts.js'
import { applyDecision } from './apply.js'
import { readApprovalDoc, recordApprovalEvent, type AnswerSource, type ApprovalEvent, type ApprovalOutcome } from './record.js'
import { recognise, requestState, type ApprovalRequest } from './request-state.js'

export interface AnswerInput extends HandlerDeps {
  number: number
  decision: ApprovalDecision
  /** Who answered: the comment's author, or the user who dispatched the workflow. */
  actor: string
  commentId: number | null
  /** Identifies this event for idempotency: `comment-<id>` or `dispatch-<run id>-<attempt>`. */
  eventKey: string
}

/**
 * `/ci-monitor approve|reject` (a comment, or workflow_dispatch with an approval id): only someone
 * with write, maintain or admin access decides; anyone else gets a reply and nothing changes. A
 * request that is not ci-monitor's is ignored. The same event delivered twice acts once.
 */
export async function answerApproval(input: AnswerInput): Promise<JobResult> {
  const { octokit, repo, log } = input
  const repository = `${repo.owner}/${repo.repo}`
  const source: AnswerSource = input.commentId === null ? 'dispatch' : 'comment'
  const issue = await readIssue(octokit, repo, input.number)
  if (!issue) return { sentence: `There is no issue or pull request #${input.number}: the command is ignored.`, outcome: 'ignored', url: null }
  const pull = issue.isPullRequest ? await getPull(octokit, repo, input.number) : null
  const recognised = recognise(issue, pull, repository)
  if (!recognised.ok) return { sentence: `${recognised.why}: the command is ignored.`, outcome: 'ignored', url: issue.url }
  const request = recognised.request
  const doc = await readApprovalDoc(octokit, repo, input.stateBranch, request.number)
  const comments = await listComments(octokit, repo, request.number)
  const state = requestState(request)
  const record = (type: ApprovalEvent['type'], detail: string) =>
    input.dryRun
      ? Promise.resolve()
      : recordApprovalEvent(octokit, repo, input.stateBranch, request, { key: input.eventKey, at: input.now().toISOString(), type, actor: input.actor, source, detail }, log).then(() => undefined)

  const handled = hasMarker(comments.map((c) => c.body), replyMarker(input.eventKey)) || (doc?.events.some((e) => e.key === input.eventKey) ?? false)
  if (handled) {
    // Re-delivered: finish a decision an interrupted run may have left half-shown, say nothing new.
    if (state !== 'pending' && state !== 'closed' && !input.dryRun) await applyDecision(input.writer, repo, request, state)
    return { sentence: `This ${source === 'comment' ? 'comment' : 'dispatch'} on #${request.number} was already handled; nothing changed twice.`, outcome: 'repeat', url: request.url }
  }

  if (state !== 'pending') {
    if (state !== 'closed' && !input.dryRun) await applyDecision(input.writer, repo, request, state)
    const by = doc?.decision?.actor ?? null
    if (!input.dryRun && input.commentId !== null) {
      await createComment(input.writer, repo, request.number, alreadyDecidedReply({ eventKey: input.eventKey, outcome: state, by }))
    }
    await record('already-decided', `The request was already ${state}.`)
    return { sentence: `Approval request #${request.number} was already ${state}; nothing changed.`, outcome: 'already-decided', url: request.url }
  }

  const access = await repositoryAccess(octokit, repo, input.actor)
  if (!mayDecide(access)) {
    if (!input.dryRun && input.commentId !== null) {
      await createComment(input.writer, repo, request.number, refusalReply({ eventKey: input.eventKey, actor: input.actor, form: request.form }))
    }
    await record('refused', `${input.actor} has ${access.role} access; write, maintain or admin is needed.`)
    return {
      sentence: `${input.actor} may not ${input.decision} approval request #${request.number} (access: ${access.role}); nothing changed.`,
      outcome: 'refused',
      url: request.url
    }
  }

  const outcome: ApprovalOutcome = input.decision === 'approve' ? 'approved' : 'rejected'
  if (input.dryRun) return { sentence: `Would mark approval request #${request.number} ${outcome} by ${input.actor} (dry run).`, outcome, url: request.url }
  const applied = await applyDecision(input.writer, repo, request, outcome)
  // Also for a dispatch: the request itself shows who decided.
  await createComment(input.writer, repo, request.number, decisionReply({ eventKey: input.eventKey, actor: input.actor, form: request.form, outcome }))
  await record(outcome, describe(request, outcome, applied))
  await announce(input, request, outcome, input.actor)
  return { sentence: `Approval request #${request.number} ${outcome} by ${input.actor}: ${describe(request, outcome, applied)}`, outcome, url: request.url }
}

function describe(request: ApprovalRequest, outcome: ApprovalOutcome, applied: { markedReady: boolean; closed: boolean }): string {
  if (request.form === 'pull-request') {
    if (outcome === 'approved') return applied.markedReady ? 'the pull request is ready for review.' : 'the pull request was already ready for review.'
    return 'the pull request is closed.'
  }
  return outcome === 'approved' ? 'the issue is closed as approved; a person applies the patch.' : 'the issue is closed.'
}

async function readIssue(octokit: Octokit, repo: Repo, number: number): Promise<IssueFacts | null> {
  try {
    return await getIssue(octokit, repo, number)
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 410) return null
    throw error
  }
}

/** Tells the approvals channel; a Slack failure is logged, never fatal. */
export async function announce(
  input: Pick<AnswerInput, 'slack' | 'sendSlack' | 'log' | 'repo'>,
  request: Pick<ApprovalRequest, 'number' | 'url'>,
  outcome: ApprovalOutcome,
  actor: string | null
): Promise<void> {
  if (!input.slack) return
  const message = approvalDecisionMessage({ repository: `${input.repo.owner}/${input.repo.repo}`, number: request.number, url: request.url, outcome, actor })
  const result = await input.sendSlack({ token: input.slack.token, channel: input.slack.channel, apiUrl: input.slack.apiUrl, message })
  if (!result.ok) input.log.warning(`Posting the approval decision to Slack failed: ${result.error}`)
}
