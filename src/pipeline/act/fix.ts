import { httpStatus } from '../../github/client.js'
import type { RunInfo } from '../../github/runs.js'
import { fixBranchName, fixPrBody, fixPrTitle } from '../../remediate/index.js'
import type { DecidedJob } from '../decide-jobs.js'
import { openOrUpdateFixPull } from '../fix-pull-request.js'
import type { ActDeps, EffectLog, FixOutcome } from './types.js'

/**
 * Delivers a planned fix: a pull request on the fingerprint's branch when a token may change
 * workflow files, else (or when GitHub refuses) the patch itself, with the reason.
 */
export async function deliverFix(
  job: DecidedJob,
  run: RunInfo,
  baseBranch: string,
  deps: ActDeps,
  effects: EffectLog
): Promise<FixOutcome> {
  const fix = job.decision.fix
  if (!fix) throw new Error('deliverFix needs a planned fix')
  const branch = fixBranchName(job.triage.fingerprint)
  const asPatch = (why: string) => {
    effects.record({ kind: 'patch', outcome: deps.dryRun ? 'dry-run' : 'done', detail: `${fix.title} — ${why}` })
    return { prUrl: null, prNumber: null, patch: fix.patch, done: `Delivered the fix as a patch (${why}).` }
  }
  if (job.decision.action === 'deliver-patch') {
    return asPatch(job.decision.needsApproval ? 'it needs approval before it is applied' : 'no token may change workflow files')
  }
  if (deps.dryRun) {
    effects.record({ kind: 'pull-request', outcome: 'dry-run', detail: `Would open or update a pull request from ${branch}: ${fix.title}` })
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
    if (result.labelError) effects.problem(`Labelling pull request #${result.number} failed: ${result.labelError}`)
    effects.record({
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
    effects.problem(`Fix pull request not opened: ${why}.`)
    effects.record({ kind: 'pull-request', outcome: 'failed', detail: why })
    return asPatch('the pull request could not be opened')
  }
}
