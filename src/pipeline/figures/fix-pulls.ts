/**
 * What became of a fix pull request: people merge or close it after ci-monitor opened it, so the
 * sweep reads it back and writes the outcome down once it is final (`fix-pulls/<n>.json`).
 */
import { httpStatus, type Octokit, type Repo } from '../../github/client.js'
import { getPull } from '../../github/pulls.js'
import { buildFixPullDoc, type FixPullDoc } from '../../state/fix-pulls.js'
import type { PendingPull } from './pending.js'

/**
 * The document once the pull request is merged or closed; null while it is open or when there is
 * no such pull request. One API request.
 */
export async function lookUpFixPull(octokit: Octokit, repo: Repo, pending: PendingPull, now: Date): Promise<FixPullDoc | null> {
  let pull
  try {
    pull = await getPull(octokit, repo, pending.number)
  } catch (error) {
    if (httpStatus(error) === 404) return null
    throw error
  }
  // GitHub stamps closed_at on every closed pull request; without it the outcome is not known.
  if (pull.state === 'open' || (pull.closedAt === null && pull.mergedAt === null)) return null
  return buildFixPullDoc({
    repository: `${repo.owner}/${repo.repo}`,
    number: pull.number,
    fingerprint: pending.fingerprint,
    openedAt: pull.createdAt,
    mergedAt: pull.mergedAt,
    closedAt: pull.closedAt,
    observedAt: now
  })
}
