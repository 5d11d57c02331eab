import { createComment, listComments, listIssuesWithLabels } from '../../github/issues.js'
import { getPull } from '../../github/pulls.js'
import { APPROVAL_LABEL, hasMarker, replyMarker } from '../proposals/markers.js'
import { expiryComment, REREQUEST_MARKER } from '../proposals/texts.js'
import type { HandlerDeps, JobResult } from '../proposals/job-result.js'
import { announce } from './answer.js'
import { applyDecision } from './apply.js'
import { recordApprovalEvent } from './record.js'
import { isExpired, recognise, waitingSince } from './request-state.js'

export interface SweepInput extends HandlerDeps {
  timeoutHours: number
}

const EXPIRY_KEY = 'expiry'

/**
 * Scheduled housekeeping: approval requests nobody answered within `approval_timeout_hours` (counted
 * from their creation, or from the last time a changed fix asked again) are closed with a note and
 * recorded as expired. Closed requests are not listed again, so a second sweep changes nothing.
 */
export async function sweepApprovals(input: SweepInput): Promise<JobResult> {
  const { octokit, repo, log } = input
  const repository = `${repo.owner}/${repo.repo}`
  const now = input.now()
  const expired: number[] = []
  const open = await listIssuesWithLabels(octokit, repo, [APPROVAL_LABEL], 'open')
  for (const issue of open) {
    const pull = issue.isPullRequest ? await getPull(octokit, repo, issue.number) : null
    const recognised = recognise(issue, pull, repository)
    if (!recognised.ok) {
      log.info(`${recognised.why}: left alone by the sweep.`)
      continue
    }
    const request = recognised.request
    const comments = await listComments(octokit, repo, request.number)
    const asks = comments.filter((c) => c.body.includes(REREQUEST_MARKER)).map((c) => c.createdAt)
    if (!isExpired(waitingSince(issue.createdAt, asks), now, input.timeoutHours)) continue
    expired.push(request.number)
    if (input.dryRun) continue
    await applyDecision(input.writer, repo, request, 'expired')
    if (!hasMarker(comments.map((c) => c.body), replyMarker(EXPIRY_KEY))) {
      await createComment(input.writer, repo, request.number, expiryComment(input.timeoutHours, EXPIRY_KEY))
    }
    await recordApprovalEvent(
      octokit,
      repo,
      input.stateBranch,
      request,
      { key: EXPIRY_KEY, at: now.toISOString(), type: 'expired', actor: null, source: 'schedule', detail: `Unanswered for ${input.timeoutHours} hours.` },
      log
    )
    await announce(input, request, 'expired', null)
  }
  if (expired.length === 0) {
    return { sentence: `No approval request has waited ${input.timeoutHours} hours or more (${open.length} open).`, outcome: 'none-expired', url: null }
  }
  const list = expired.map((n) => `#${n}`).join(', ')
  return {
    sentence: input.dryRun ? `Would close ${expired.length} expired approval request(s) (dry run): ${list}.` : `Closed ${expired.length} expired approval request(s): ${list}.`,
    outcome: 'expired',
    url: null
  }
}
