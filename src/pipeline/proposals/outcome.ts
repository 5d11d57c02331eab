import { httpStatus } from '../../github/client.js'
import type { EffectKind } from '../../state/records.js'
import type { EffectLog, FixOutcome } from '../act/types.js'
import type { ProposalResult } from '../fix-pull-request.js'
import { MAX_OPEN_FIX_PULLS } from './etiquette.js'
import { APPROVED_LABEL } from './markers.js'
import type { FixProposal } from './proposal.js'

/**
 * Records what proposing a fix did and says it in one sentence. Outcomes that leave the branch
 * alone deliver the patch instead, so the fix still reaches a person (summary, Slack).
 */
export function proposalOutcome(result: ProposalResult, proposal: FixProposal, effects: EffectLog): FixOutcome {
  const kind: EffectKind = proposal.approval ? 'approval-request' : 'pull-request'
  const noun = proposal.approval ? 'approval request' : 'fix pull request'
  const { fix, branch } = proposal
  const asPatch = (why: string): FixOutcome => {
    effects.record({ kind: 'patch', outcome: 'done', detail: `${fix.title} — ${why}` })
    return { prUrl: null, prNumber: null, patch: fix.patch, done: `Delivered the fix as a patch: ${why}.` }
  }
  switch (result.kind) {
    case 'opened': {
      for (const problem of result.problems) effects.problem(problem)
      effects.record({
        kind,
        outcome: 'done',
        detail: `Opened draft pull request #${result.pull.number} from ${branch}${result.commit ? ` (commit ${result.commit.slice(0, 12)})` : ''}`,
        url: result.pull.url
      })
      const next = proposal.approval ? 'it waits for /ci-monitor approve or reject' : 'it is marked ready for review when its own CI passes'
      return { prUrl: result.pull.url, prNumber: result.pull.number, patch: null, done: `Opened draft ${noun} #${result.pull.number}; ${next}.` }
    }
    case 'updated': {
      for (const problem of result.problems) effects.problem(problem)
      const commit = result.commit ? ` with commit ${result.commit.slice(0, 12)}` : ''
      effects.record({ kind, outcome: 'updated', detail: `Updated pull request #${result.pull.number}${commit}`, url: result.pull.url })
      let state = ''
      if (result.reRequested) state = ' The fix changed, so it waits for an answer again.'
      else if (result.redrafted) state = ' It is a draft again until its CI passes.'
      else if (proposal.approval && result.labels.includes(APPROVED_LABEL)) state = ' It was approved and waits for review and merge.'
      return { prUrl: result.pull.url, prNumber: result.pull.number, patch: null, done: `Updated ${noun} #${result.pull.number}.${state}` }
    }
    case 'held': {
      const detail = `Left pull request #${result.pull.number} as it is: its branch carries commits by ${result.authors.join(', ')}${result.commented ? '; commented with the update' : ''}`
      effects.record({ kind: 'comment', outcome: result.commented ? 'done' : 'skipped', detail, url: result.pull.url })
      return {
        prUrl: result.pull.url,
        prNumber: result.pull.number,
        patch: fix.patch,
        done: `Did not update pull request #${result.pull.number}: its branch carries commits by others, so ci-monitor commented the patch there instead.`
      }
    }
    case 'suppressed':
      effects.record({ kind, outcome: 'skipped', detail: `Not proposed again: pull request #${result.pull.number} with the same change was closed without merging.`, url: result.pull.url })
      return { prUrl: null, prNumber: null, patch: null, done: `Not proposed again: pull request #${result.pull.number} with the same change was closed without merging; a changed fix will be proposed.` }
    case 'capped':
      effects.record({ kind, outcome: 'skipped', detail: `${result.open} ci-monitor pull requests are open (limit ${MAX_OPEN_FIX_PULLS}).` })
      return asPatch(`${result.open} ci-monitor pull requests are already open, the most it keeps open at once`)
    case 'refused':
      effects.record({ kind, outcome: 'skipped', detail: `Branch ${branch} left alone: ${result.reason}.` })
      return asPatch(`no pull request from ${branch}: ${result.reason}`)
  }
}

/** Why GitHub refused a fix-token's change, in words that say what to do about it. */
export function refusalReason(error: unknown, path: string): string {
  const status = httpStatus(error)
  if (status === 404 || status === 403) {
    return `GitHub refused the fix-token's change to ${path} (HTTP ${status}): it needs the workflows permission (GitHub App "Workflows: write" or a PAT with the workflow scope)`
  }
  return `opening the pull request failed: ${error instanceof Error ? error.message : String(error)}`
}
