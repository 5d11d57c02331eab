import type { Logger } from '../log/logger.js'
import { httpStatus, type Octokit, type Repo } from '../github/client.js'
import { rerunFailedJobs, type RunInfo } from '../github/runs.js'
import { fixBranchName, fixPrBody, fixPrTitle } from '../remediate/index.js'
import { buildFailureMessage } from '../notify/slack-message.js'
import type { SlackResult, SendSlackOptions } from '../notify/slack.js'
import type { EffectRecord } from '../state/records.js'
import type { DecidedJob } from './decide-jobs.js'
import { openOrUpdateFixPull } from './fix-pull-request.js'
import { historyFacts } from './history.js'

export interface SlackTarget {
  token: string
  channel: string
  apiUrl: string
}

export interface ActDeps {
  /** The run's own token (github-token): re-runs. */
  octokit: Octokit
  /** The token that may change workflow files (fix-token), or null. */
  fixOctokit: Octokit | null
  repo: Repo
  log: Logger
  now: () => Date
  slack: SlackTarget | null
  sendSlack: (options: SendSlackOptions) => Promise<SlackResult>
  dryRun: boolean
}

/** A job after ci-monitor acted on it: what was done, in one sentence, and what it produced. */
export interface JobOutcome extends DecidedJob {
  done: string
  prUrl: string | null
  prNumber: number | null
  /** The patch delivered instead of a pull request. */
  patch: string | null
}

export interface ActResult {
  jobs: JobOutcome[]
  effects: EffectRecord[]
  /** What went wrong but did not stop the run (the summary and the record say so). */
  problems: string[]
}

type FixOutcome = Pick<JobOutcome, 'prUrl' | 'prNumber' | 'patch' | 'done'>

/** Slack messages per run: a matrix failing 40 ways should not flood a channel. */
const MAX_SLACK_MESSAGES = 5

export async function act(run: RunInfo, baseBranch: string, jobs: DecidedJob[], deps: ActDeps): Promise<ActResult> {
  const effects: EffectRecord[] = []
  const problems: string[] = []
  const record = (effect: Omit<EffectRecord, 'at'>): void => {
    effects.push({ at: deps.now().toISOString(), ...effect })
  }

  // Fixes first, so the notifications can link the pull request.
  const fixesByFingerprint = new Map<string, FixOutcome>()
  const outcomes: JobOutcome[] = []
  for (const job of jobs) {
    const { decision } = job
    let outcome: FixOutcome = { prUrl: null, prNumber: null, patch: null, done: '' }
    if (decision.fix && (decision.action === 'open-pr' || decision.action === 'deliver-patch')) {
      const known = fixesByFingerprint.get(job.triage.fingerprint)
      outcome = known ?? (await deliverFix(job, run, baseBranch, deps, record, problems))
      fixesByFingerprint.set(job.triage.fingerprint, outcome)
    }
    outcomes.push({ ...job, ...outcome })
  }

  if (jobs.length > 0 && jobs.every((job) => job.decision.rerun)) {
    const done = await rerun(run, deps, record, problems)
    for (const outcome of outcomes) outcome.done = done
  }
  for (const outcome of outcomes) if (outcome.done === '') outcome.done = notifyOnlySentence(outcome)

  await notify(run, outcomes, deps, record, problems)
  return { jobs: outcomes, effects, problems }
}

async function deliverFix(
  job: DecidedJob,
  run: RunInfo,
  baseBranch: string,
  deps: ActDeps,
  record: (effect: Omit<EffectRecord, 'at'>) => void,
  problems: string[]
): Promise<FixOutcome> {
  const fix = job.decision.fix
  if (!fix) throw new Error('deliverFix needs a planned fix')
  const branch = fixBranchName(job.triage.fingerprint)
  const asPatch = (why: string) => {
    record({ kind: 'patch', outcome: deps.dryRun ? 'dry-run' : 'done', detail: `${fix.title} — ${why}` })
    return { prUrl: null, prNumber: null, patch: fix.patch, done: `Delivered the fix as a patch (${why}).` }
  }
  if (job.decision.action === 'deliver-patch') {
    return asPatch(job.decision.needsApproval ? 'it needs approval before it is applied' : 'no token may change workflow files')
  }
  if (deps.dryRun) {
    record({ kind: 'pull-request', outcome: 'dry-run', detail: `Would open or update a pull request from ${branch}: ${fix.title}` })
    return { prUrl: null, prNumber: null, patch: fix.patch, done: `Would open a fix pull request from \`${branch}\` (dry run).` }
  }
  if (!deps.fixOctokit) return asPatch('no fix-token is configured')
  try {
    const result = await openOrUpdateFixPull(deps.fixOctokit, deps.repo, {
      branch,
      base: baseBranch,
      title: fixPrTitle(fix),
      body: fixPrBody({
        fix,
        fingerprint: job.triage.fingerprint,
        runUrl: run.htmlUrl,
        runAttempt: run.runAttempt,
        diagnosisSummary: job.diagnosis.summary,
        category: job.diagnosis.category,
        confidence: job.diagnosis.confidence,
        evidence: job.diagnosis.evidence.map((line) => line.text),
        reasons: job.decision.reasons
      }),
      labels: ['ci-monitor', job.diagnosis.category],
      fix
    })
    if (result.labelError) problems.push(`Labelling pull request #${result.number} failed: ${result.labelError}`)
    record({
      kind: 'pull-request',
      outcome: result.operation === 'created' ? 'done' : 'updated',
      detail: `${result.operation === 'created' ? 'Opened' : 'Updated'} pull request #${result.number} from ${branch}${result.commit ? ` (commit ${result.commit.slice(0, 12)})` : ''}`,
      url: result.url
    })
    return {
      prUrl: result.url,
      prNumber: result.number,
      patch: null,
      done: `${result.operation === 'created' ? 'Opened' : 'Updated'} fix pull request #${result.number}.`
    }
  } catch (error) {
    const status = httpStatus(error)
    const message = error instanceof Error ? error.message : String(error)
    const why =
      status === 404 || status === 403
        ? `GitHub refused the fix-token's change to ${fix.path} (HTTP ${status}): it needs the workflows permission (GitHub App "Workflows: write" or a PAT with the workflow scope)`
        : `opening the pull request failed: ${message}`
    problems.push(`Fix pull request not opened: ${why}.`)
    record({ kind: 'pull-request', outcome: 'failed', detail: why })
    return asPatch('the pull request could not be opened')
  }
}

async function rerun(
  run: RunInfo,
  deps: ActDeps,
  record: (effect: Omit<EffectRecord, 'at'>) => void,
  problems: string[]
): Promise<string> {
  if (deps.dryRun) {
    record({ kind: 'rerun', outcome: 'dry-run', detail: `Would re-run the failed jobs of run ${run.id} with debug logging.` })
    return 'Would re-run the failed jobs once (dry run).'
  }
  try {
    await rerunFailedJobs(deps.octokit, deps.repo, run.id)
    record({ kind: 'rerun', outcome: 'done', detail: `Re-ran the failed jobs of run ${run.id} (attempt ${run.runAttempt + 1}, debug logging on).` })
    return `Re-ran the failed jobs once (attempt ${run.runAttempt + 1}, with debug logging).`
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const hint = httpStatus(error) === 403 ? ' The github-token needs the actions: write permission.' : ''
    problems.push(`Re-running the failed jobs failed: ${message}.${hint}`)
    record({ kind: 'rerun', outcome: 'failed', detail: message })
    return 'Tried to re-run the failed jobs, but GitHub refused; reported instead.'
  }
}

function notifyOnlySentence(job: JobOutcome): string {
  if (job.diagnosis.owner === 'DEVELOPER') return 'Reported to the developers; ci-monitor changed nothing.'
  return 'Reported; ci-monitor changed nothing.'
}

async function notify(
  run: RunInfo,
  jobs: JobOutcome[],
  deps: ActDeps,
  record: (effect: Omit<EffectRecord, 'at'>) => void,
  problems: string[]
): Promise<void> {
  const seen = new Set<string>()
  const toNotify = jobs.filter((job) => {
    if (!job.decision.notify || seen.has(job.triage.fingerprint)) return false
    seen.add(job.triage.fingerprint)
    return true
  })
  if (toNotify.length === 0) return
  if (!deps.slack) {
    record({ kind: 'slack-message', outcome: 'skipped', detail: 'Slack is not configured (slack-bot-token and a channel); the job summary carries the diagnosis.' })
    return
  }
  for (const [index, job] of toNotify.entries()) {
    if (index >= MAX_SLACK_MESSAGES) {
      record({ kind: 'slack-message', outcome: 'skipped', detail: `${toNotify.length - MAX_SLACK_MESSAGES} more failures not posted (limit ${MAX_SLACK_MESSAGES} per run).` })
      break
    }
    const message = buildFailureMessage({
      repository: `${deps.repo.owner}/${deps.repo.repo}`,
      branch: run.headBranch,
      workflow: run.name,
      job: job.job.name,
      failingStep: job.triage.failingStep?.name ?? null,
      runUrl: job.job.htmlUrl || run.htmlUrl,
      diagnosis: job.diagnosis,
      decision: job.done,
      prUrl: job.prUrl,
      patch: job.patch,
      dryRun: deps.dryRun,
      history: historyFacts(job.history)
    })
    if (deps.dryRun) {
      record({ kind: 'slack-message', outcome: 'dry-run', detail: `Would post to ${deps.slack.channel}: ${message.text.slice(0, 200)}` })
      continue
    }
    const result = await deps.sendSlack({ token: deps.slack.token, channel: deps.slack.channel, apiUrl: deps.slack.apiUrl, message })
    if (result.ok) {
      record({ kind: 'slack-message', outcome: 'done', detail: `Posted to ${result.channel} (ts ${result.ts}) about ${job.job.name}.` })
    } else {
      problems.push(`Slack failed (${result.error}): the diagnosis is delivered in this job summary instead.`)
      record({ kind: 'slack-message', outcome: 'failed', detail: `${result.error} after ${result.attempts} attempt(s)` })
    }
  }
}
