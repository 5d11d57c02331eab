import type { Octokit, Repo } from '../../github/client.js'
import { createComment, createIssue, listIssuesWithLabels, updateIssue, type IssueFacts } from '../../github/issues.js'
import type { RunInfo } from '../../github/runs.js'
import type { ActDeps, EffectLog, FixOutcome, SlackTarget } from '../act/types.js'
import type { DecidedJob } from '../decide-jobs.js'
import { proposeFix } from '../fix-pull-request.js'
import { approvalFingerprintOf, APPROVAL_LABEL, APPROVED_LABEL, changeKey, changeOf, EXPIRED_LABEL, LABEL } from '../proposals/markers.js'
import { proposalOutcome, refusalReason } from '../proposals/outcome.js'
import { approvalReasons, buildProposal } from '../proposals/proposal.js'
import { approvalIssueBody, approvalIssueTitle, reRequestComment } from '../proposals/texts.js'
import { approvalRequestMessage, type ApprovalRequestNotice } from '../proposals/slack.js'

export const DEFAULT_APPROVAL_TIMEOUT_HOURS = 24

/**
 * A fix a person must approve first becomes a request: with a fix token, a draft pull request
 * labelled `ci-monitor:approval` (approving makes it ready for review); without one, or when GitHub
 * refuses the token, an issue with that label holding the patch. New and changed requests are
 * announced in the approvals Slack channel.
 */
export async function requestApproval(job: DecidedJob, run: RunInfo, base: string, deps: ActDeps, effects: EffectLog): Promise<FixOutcome> {
  const fix = job.decision.fix
  if (!fix) throw new Error('an approval request needs a planned fix')
  const timeoutHours = deps.approvals?.timeoutHours ?? DEFAULT_APPROVAL_TIMEOUT_HOURS
  if (deps.dryRun) {
    effects.record({ kind: 'approval-request', outcome: 'dry-run', detail: `Would ask for approval of: ${fix.title}` })
    return { prUrl: null, prNumber: null, patch: fix.patch, done: 'Would ask a maintainer to approve the fix first (dry run).' }
  }
  const announce = async (request: { number: number; url: string; form: 'pull-request' | 'issue'; again: boolean }) => {
    await announceRequest(deps, effects, {
      repository: `${deps.repo.owner}/${deps.repo.repo}`,
      ...request,
      title: fix.title,
      reasons: approvalReasons(job.decision.reasons),
      risk: fix.risk,
      timeoutHours
    })
  }

  if (deps.fixOctokit) {
    const proposal = buildProposal(job, run, base, { timeoutHours })
    try {
      const result = await proposeFix(deps.fixOctokit, deps.repo, proposal, run.htmlUrl)
      const outcome = proposalOutcome(result, proposal, effects)
      if (result.kind === 'opened' || (result.kind === 'updated' && result.reRequested)) {
        await announce({ number: result.pull.number, url: result.pull.url, form: 'pull-request', again: result.kind === 'updated' })
      }
      return outcome
    } catch (error) {
      const why = refusalReason(error, fix.path)
      effects.problem(`Approval pull request not opened: ${why}; asking in an issue instead.`)
      effects.record({ kind: 'approval-request', outcome: 'failed', detail: why })
    }
  }

  const change = changeKey(fix)
  const result = await requestByIssue(deps.octokit, deps.repo, {
    fingerprint: job.triage.fingerprint,
    change,
    title: approvalIssueTitle(fix),
    body: approvalIssueBody({
      fingerprint: job.triage.fingerprint,
      change,
      fix,
      runUrl: run.htmlUrl,
      runAttempt: run.runAttempt,
      diagnosisSummary: job.diagnosis.summary,
      category: job.diagnosis.category,
      reasons: approvalReasons(job.decision.reasons),
      timeoutHours
    }),
    labels: [LABEL, APPROVAL_LABEL, job.diagnosis.category],
    runUrl: run.htmlUrl
  })
  const { issue } = result
  switch (result.kind) {
    case 'opened':
    case 'changed':
      effects.record({ kind: 'approval-request', outcome: result.kind === 'opened' ? 'done' : 'updated', detail: `Approval requested in issue #${issue.number}`, url: issue.url })
      await announce({ number: issue.number, url: issue.url, form: 'issue', again: result.kind === 'changed' })
      return { prUrl: null, prNumber: null, patch: fix.patch, done: `Asked for approval in issue #${issue.number}, which holds the patch.` }
    case 'waiting':
      effects.record({ kind: 'approval-request', outcome: 'skipped', detail: `Issue #${issue.number} already asks for this change`, url: issue.url })
      return { prUrl: null, prNumber: null, patch: fix.patch, done: `Approval request #${issue.number} for this fix is still waiting for an answer.` }
    case 'answered': {
      const answer = issue.labels.includes(APPROVED_LABEL) ? 'approved; the patch waits there for a person to apply it' : 'rejected'
      effects.record({ kind: 'approval-request', outcome: 'skipped', detail: `Not asked again: issue #${issue.number} with the same change was ${answer}.`, url: issue.url })
      return { prUrl: null, prNumber: null, patch: null, done: `Not asked again: the same change was ${answer} in issue #${issue.number}.` }
    }
  }
}

interface IssueRequest {
  fingerprint: string
  change: string
  title: string
  body: string
  labels: string[]
  runUrl: string
}

type IssueRequestResult =
  | { kind: 'opened' | 'changed' | 'waiting'; issue: IssueFacts }
  /** Closed as approved or rejected with this very change: asking again would nag. */
  | { kind: 'answered'; issue: IssueFacts }

/** One request issue per fingerprint: reused while open, not reopened once answered for the same change. */
async function requestByIssue(octokit: Octokit, repo: Repo, request: IssueRequest): Promise<IssueRequestResult> {
  const mine = (await listIssuesWithLabels(octokit, repo, [LABEL], 'all')).filter(
    (issue) => !issue.isPullRequest && approvalFingerprintOf(issue.body) === request.fingerprint
  )
  const open = mine.find((issue) => issue.state === 'open')
  if (open) {
    if (changeOf(open.body) === request.change) return { kind: 'waiting', issue: open }
    const labels = [...new Set([...open.labels.filter((label) => label !== APPROVED_LABEL), ...request.labels])]
    await updateIssue(octokit, repo, open.number, { body: request.body, labels })
    await createComment(octokit, repo, open.number, reRequestComment(request.runUrl))
    return { kind: 'changed', issue: open }
  }
  const answered = mine.find((issue) => changeOf(issue.body) === request.change && !issue.labels.includes(EXPIRED_LABEL))
  if (answered) return { kind: 'answered', issue: answered }
  return { kind: 'opened', issue: await createIssue(octokit, repo, { title: request.title, body: request.body, labels: request.labels }) }
}

async function announceRequest(deps: ActDeps, effects: EffectLog, notice: ApprovalRequestNotice): Promise<void> {
  const target: SlackTarget | null = deps.approvals?.slack ?? null
  if (!target) {
    effects.record({ kind: 'slack-message', outcome: 'skipped', detail: 'No approvals channel is configured (slack_channels.approvals); the request is on GitHub only.' })
    return
  }
  const result = await deps.sendSlack({ token: target.token, channel: target.channel, apiUrl: target.apiUrl, message: approvalRequestMessage(notice) })
  if (result.ok) {
    effects.record({ kind: 'slack-message', outcome: 'done', detail: `Approval request #${notice.number} posted to ${result.channel} (ts ${result.ts}).` })
  } else {
    effects.problem(`Posting the approval request to Slack failed (${result.error}); it is on GitHub.`)
    effects.record({ kind: 'slack-message', outcome: 'failed', detail: `${result.error} after ${result.attempts} attempt(s)` })
  }
}
