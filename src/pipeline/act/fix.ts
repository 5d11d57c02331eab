import type { RunInfo } from '../../github/runs.js'
import { requestApproval } from '../approvals/request.js'
import type { DecidedJob } from '../decide-jobs.js'
import { proposeFix } from '../fix-pull-request.js'
import { proposalOutcome, refusalReason } from '../proposals/outcome.js'
import { buildProposal } from '../proposals/proposal.js'
import type { ActDeps, EffectLog, FixOutcome } from './types.js'

/**
 * Delivers a planned fix: a draft pull request on the fingerprint's branch when a token may change
 * workflow files (ready for review once its own CI passes), an approval request when a person must
 * approve first, else (or when GitHub refuses) the patch itself, with the reason.
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
  if (job.decision.needsApproval) return requestApproval(job, run, baseBranch, deps, effects)
  const asPatch = (why: string): FixOutcome => {
    effects.record({ kind: 'patch', outcome: deps.dryRun ? 'dry-run' : 'done', detail: `${fix.title} — ${why}` })
    return { prUrl: null, prNumber: null, patch: fix.patch, done: `Delivered the fix as a patch (${why}).` }
  }
  if (job.decision.action === 'deliver-patch') return asPatch('no token may change workflow files')
  const proposal = buildProposal(job, run, baseBranch, null)
  if (deps.dryRun) {
    effects.record({ kind: 'pull-request', outcome: 'dry-run', detail: `Would open or update a draft pull request from ${proposal.branch}: ${fix.title}` })
    return { prUrl: null, prNumber: null, patch: fix.patch, done: `Would open a fix pull request from \`${proposal.branch}\`, as a draft (dry run).` }
  }
  if (!deps.fixOctokit) return asPatch('no fix-token is configured')
  try {
    return proposalOutcome(await proposeFix(deps.fixOctokit, deps.repo, proposal, run.htmlUrl), proposal, effects)
  } catch (error) {
    const why = refusalReason(error, fix.path)
    effects.problem(`Fix pull request not opened: ${why}.`)
    effects.record({ kind: 'pull-request', outcome: 'failed', detail: why })
    return asPatch('the pull request could not be opened')
  }
}
