import type { Octokit, Repo } from '../../github/client.js'
import { updateIssue } from '../../github/issues.js'
import { getPull, markReadyForReview, updatePull } from '../../github/pulls.js'
import type { ApprovalOutcome } from './record.js'
import { decidedLabels, type ApprovalRequest } from './request-state.js'

/**
 * Makes GitHub show a decision: labels first (they say the request was answered, so a crash after
 * this point is finished by the next delivery), then the state the decision implies. Each step
 * checks before it acts, so running it again changes nothing. ci-monitor never merges:
 * - approved pull request: ready for review; approved issue: closed as completed;
 * - rejected or expired: closed (an issue as not planned).
 */
export async function applyDecision(writer: Octokit, repo: Repo, request: ApprovalRequest, outcome: ApprovalOutcome): Promise<{ markedReady: boolean; closed: boolean }> {
  const labels = decidedLabels(request.labels, outcome)
  if (labels.length !== request.labels.length || labels.some((label) => !request.labels.includes(label))) {
    await updateIssue(writer, repo, request.number, { labels })
  }
  let markedReady = false
  let closed = false
  if (request.form === 'pull-request') {
    const pull = await getPull(writer, repo, request.number)
    if (pull.state === 'open' && outcome === 'approved' && pull.draft) {
      await markReadyForReview(writer, pull.nodeId)
      markedReady = true
    }
    if (pull.state === 'open' && outcome !== 'approved') {
      await updatePull(writer, repo, request.number, { state: 'closed' })
      closed = true
    }
  } else if (request.state === 'open') {
    await updateIssue(writer, repo, request.number, { state: 'closed', stateReason: outcome === 'approved' ? 'completed' : 'not_planned' })
    closed = true
  }
  return { markedReady, closed }
}
