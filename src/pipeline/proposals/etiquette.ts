import { FIX_BRANCH } from '../../context/event.js'
import type { PullCommit, PullFacts } from '../../github/pulls.js'
import { changeOf, EXPIRED_LABEL, fixFingerprintOf, isFixPullOf } from './markers.js'

/** Open ci-monitor fix pull requests per repository; past it, fixes arrive as patches. */
export const MAX_OPEN_FIX_PULLS = 5

/** GitHub signs the commits it makes for API clients as `web-flow`. */
const GITHUB_COMMITTER = 'web-flow'

/**
 * Commits of a fix pull request that ci-monitor did not make. ci-monitor's identity is the login
 * that opened the pull request: ci-monitor opens it with the fix token, so that is the token's
 * identity whatever kind of token it is (`GET /user` refuses App installation tokens). A commit is
 * ours when that identity authored it and either it or GitHub committed it; a human's commit, a
 * web edit (author human, committer web-flow) and a rebase by hand (committer human) are not.
 */
export function foreignCommits<T extends Pick<PullCommit, 'author' | 'committer'>>(commits: readonly T[], identity: string): T[] {
  if (identity === '') return [...commits]
  return commits.filter((commit) => commit.author !== identity || (commit.committer !== identity && commit.committer !== GITHUB_COMMITTER))
}

/** ci-monitor's pull requests for this fingerprint among those of its branch. */
export function ownPulls(pulls: readonly PullFacts[], fingerprint: string): PullFacts[] {
  return pulls.filter((pull) => isFixPullOf(pull.body, fingerprint))
}

/**
 * A pull request that was closed without merging while proposing exactly this change: a person
 * said no to it, so it is not proposed again until the fix changes. Requests the sweep closed
 * because nobody answered are not a no.
 */
export function refusedWithSameChange(pulls: readonly PullFacts[], change: string): PullFacts | null {
  return pulls.find((pull) => pull.state === 'closed' && !pull.merged && !pull.labels.includes(EXPIRED_LABEL) && changeOf(pull.body) === change) ?? null
}

/** ci-monitor's open fix pull requests in the repository, counted against the cap. */
export function openFixPulls(pulls: readonly PullFacts[], repository: string): PullFacts[] {
  return pulls.filter(
    (pull) =>
      pull.state === 'open' &&
      FIX_BRANCH.test(pull.headRef) &&
      pull.headRepository?.toLowerCase() === repository.toLowerCase() &&
      fixFingerprintOf(pull.body) !== null
  )
}

/** Names for a sentence: `a`, `a and b`, `a, b and 2 more`. */
export function nameList(names: readonly string[], max = 3): string {
  const unique = [...new Set(names)]
  if (unique.length <= 1) return unique[0] ?? ''
  if (unique.length <= max) return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`
}
