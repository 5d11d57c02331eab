import type { Octokit, Repo } from '../github/client.js'
import { readFile } from '../github/contents.js'
import { codeSpan } from '../notify/escape.js'
import { branchHead, createCommit, moveBranch } from '../github/git.js'
import { createComment, listComments, updateIssue } from '../github/issues.js'
import {
  addLabels,
  convertToDraft,
  createPull,
  listOpenPulls,
  listPullCommits,
  listPullsForBranch,
  updatePull,
  type PullCommit,
  type PullFacts,
  type PullRef
} from '../github/pulls.js'
import { commitWithTree } from '../github/merge.js'
import { foreignCommits, MAX_OPEN_FIX_PULLS, nameList, openFixPulls, ownPulls, refusedWithSameChange } from './proposals/etiquette.js'
import { APPROVAL_LABEL, APPROVED_LABEL, hasMarker, heldMarker, isFixPullOf } from './proposals/markers.js'
import type { FixProposal } from './proposals/proposal.js'
import { heldComment, reRequestComment } from './proposals/texts.js'

export type { FixProposal } from './proposals/proposal.js'

export type ProposalResult =
  /** A new draft pull request on a branch made from the base head (or from ci-monitor's own old branch). */
  | { kind: 'opened'; pull: PullRef; commit: string | null; problems: string[] }
  /**
   * The open pull request got the new body and, when the fix differs from its branch, a new
   * commit; `redrafted` when that turned it back into a draft, `reRequested` when an approval
   * request with a new commit waits for an answer again.
   */
  | { kind: 'updated'; pull: PullRef; commit: string | null; redrafted: boolean; reRequested: boolean; labels: string[]; problems: string[] }
  /** Its branch carries others' commits: ci-monitor commented instead of moving it. */
  | { kind: 'held'; pull: PullRef; authors: string[]; commented: boolean }
  /** The same change was closed without merging before: not proposed again. */
  | { kind: 'suppressed'; pull: PullRef }
  /** Too many ci-monitor pull requests are open already. */
  | { kind: 'capped'; open: number }
  /** The branch is not ci-monitor's to touch (`reason` is a Markdown-safe clause). */
  | { kind: 'refused'; reason: string }

/**
 * Puts a fix proposal on its fingerprint's branch, in one draft pull request, with etiquette:
 * - a repeat updates the open pull request (new commit only when the fix differs, refreshed body);
 * - a branch with commits ci-monitor did not make is never moved (a comment says what it would do),
 *   and no branch is ever force-pushed;
 * - a change closed without merging is not proposed again until the fix changes;
 * - at most MAX_OPEN_FIX_PULLS ci-monitor pull requests are open in the repository.
 */
export async function proposeFix(octokit: Octokit, repo: Repo, proposal: FixProposal, runUrl: string): Promise<ProposalResult> {
  const pulls = await listPullsForBranch(octokit, repo, proposal.branch, 'all')
  const open = pulls.find((pull) => pull.state === 'open')
  if (open) {
    if (!isFixPullOf(open.body, proposal.fingerprint)) {
      return { kind: 'refused', reason: `pull request #${open.number} from its branch was not opened by ci-monitor, so ci-monitor leaves it alone` }
    }
    return updateOpenPull(octokit, repo, proposal, open, runUrl)
  }
  const own = ownPulls(pulls, proposal.fingerprint)
  const refused = refusedWithSameChange(own, proposal.change)
  if (refused) return { kind: 'suppressed', pull: refOf(refused) }
  const openCount = openFixPulls(await listOpenPulls(octokit, repo), `${repo.owner}/${repo.repo}`).length
  if (openCount >= MAX_OPEN_FIX_PULLS) return { kind: 'capped', open: openCount }

  const baseHead = await baseHeadOf(octokit, repo, proposal)
  const fixHead = await branchHead(octokit, repo, proposal.branch)
  let existing: BranchState | null = null
  if (fixHead) {
    // Left over from an earlier, closed pull request: build on it only while it is provably ours.
    const last = own.find((pull) => pull.state === 'closed')
    if (!last) return { kind: 'refused', reason: 'its branch exists without a ci-monitor pull request; delete the branch to let ci-monitor propose the fix again' }
    if (last.headSha !== fixHead) return { kind: 'refused', reason: `its branch moved after pull request #${last.number} was closed; delete the branch to let ci-monitor propose the fix again` }
    const commits = await listPullCommits(octokit, repo, last.number)
    const foreign = foreignCommits(commits, last.author)
    if (foreign.length > 0) return { kind: 'refused', reason: `its branch carries commits by ${authorsOf(foreign)}, and ci-monitor never rewrites others' work` }
    existing = { head: fixHead, hasBase: containsBase(fixHead, commits, baseHead) }
  }
  if (!existing && (await readFile(octokit, repo, proposal.fix.path, baseHead)) === proposal.fix.after) {
    throw new Error(`${proposal.fix.path} on '${proposal.base}' already holds the fix.`)
  }
  const current = existing?.hasBase ? await readFile(octokit, repo, proposal.fix.path, existing.head) : null
  const commit = current === proposal.fix.after ? null : await commitFix(octokit, repo, proposal, existing, baseHead)
  const created = await createPull(octokit, repo, { head: proposal.branch, base: proposal.base, title: proposal.title, body: proposal.body, draft: true })
  const problems: string[] = []
  await addLabels(octokit, repo, created.number, proposal.labels).catch((error: unknown) => {
    problems.push(`Labelling pull request #${created.number} failed: ${message(error)}`)
  })
  return { kind: 'opened', pull: created, commit, problems }
}

async function updateOpenPull(octokit: Octokit, repo: Repo, proposal: FixProposal, open: PullFacts, runUrl: string): Promise<ProposalResult> {
  const head = (await branchHead(octokit, repo, proposal.branch)) ?? open.headSha
  const differs = (await readFile(octokit, repo, proposal.fix.path, head)) !== proposal.fix.after
  const pull = refOf(open)
  let commit: string | null = null
  if (differs) {
    const commits = await listPullCommits(octokit, repo, open.number)
    const foreign = foreignCommits(commits, open.author)
    if (foreign.length > 0) {
      const authors = [...new Set(foreign.map((commit) => commit.author ?? commit.committer ?? 'unknown'))]
      // One comment per change: a repeat of the same failure says nothing new.
      const already = hasMarker((await listComments(octokit, repo, open.number)).map((c) => c.body), heldMarker(proposal.change))
      if (!already) {
        await createComment(octokit, repo, open.number, heldComment({ authors, patch: proposal.fix.patch, change: proposal.change, runUrl }))
      }
      return { kind: 'held', pull, authors, commented: !already }
    }
    const baseHead = await baseHeadOf(octokit, repo, proposal)
    commit = await commitFix(octokit, repo, proposal, { head, hasBase: containsBase(head, commits, baseHead) }, baseHead)
  }
  await updatePull(octokit, repo, open.number, { title: proposal.title, body: proposal.body })
  const problems: string[] = []
  let labels = open.labels
  const reRequested = proposal.approval && commit !== null
  if (reRequested || (proposal.approval && !labels.includes(APPROVAL_LABEL) && !labels.includes(APPROVED_LABEL))) {
    // A new commit needs an answer again, whatever was answered for the old one.
    labels = [...new Set([...labels.filter((label) => label !== APPROVED_LABEL), ...proposal.labels])]
    await updateIssue(octokit, repo, open.number, { labels }).catch((error: unknown) => problems.push(`Relabelling pull request #${open.number} failed: ${message(error)}`))
  }
  if (reRequested) {
    await createComment(octokit, repo, open.number, reRequestComment(runUrl)).catch((error: unknown) =>
      problems.push(`Commenting on pull request #${open.number} failed: ${message(error)}`)
    )
  }
  let redrafted = false
  if (commit !== null && !open.draft) {
    // The new head is unverified (and, for a request, unapproved) until its own CI passes.
    await convertToDraft(octokit, open.nodeId).then(
      () => (redrafted = true),
      (error: unknown) => problems.push(`Turning pull request #${open.number} back into a draft failed: ${message(error)}`)
    )
  }
  return { kind: 'updated', pull, commit, redrafted, reRequested, labels, problems }
}

/** The fix branch as it is: its head, and whether the base branch's head is already in it. */
interface BranchState {
  head: string
  hasBase: boolean
}

/**
 * True when `baseHead` is an ancestor of `head`, read from the pull request's commits (those on the
 * branch and not on the base): the base is in the branch exactly when it is the tip itself or the
 * parent of one of them.
 */
function containsBase(head: string, commits: readonly PullCommit[], baseHead: string): boolean {
  return head === baseHead || commits.some((commit) => commit.parents.includes(baseHead))
}

async function baseHeadOf(octokit: Octokit, repo: Repo, proposal: FixProposal): Promise<string> {
  const head = await branchHead(octokit, repo, proposal.base)
  if (!head) throw new Error(`The base branch '${proposal.base}' does not exist.`)
  return head
}

/**
 * Commits the fixed file and moves (or creates) the branch without force. A new branch starts at
 * the base head. On an existing branch of ci-monitor's own commits, the fix goes on top; when the
 * base moved meanwhile, the commit also merges the base head (tree: the base with the fix), so the
 * pull request shows just the fix and does not conflict with what changed on the base.
 */
async function commitFix(octokit: Octokit, repo: Repo, proposal: FixProposal, branch: BranchState | null, baseHead: string): Promise<string> {
  const { fix } = proposal
  const message = `${proposal.title}\n\nProposed by ci-monitor; see the pull request for the diagnosis.`
  const changes = [{ path: fix.path, content: fix.after }]
  let commit: string
  if (branch === null || branch.hasBase) {
    commit = await createCommit(octokit, repo, { parent: branch?.head ?? baseHead, changes, message })
  } else {
    const onBase = await createCommit(octokit, repo, { parent: baseHead, changes, message })
    commit = await commitWithTree(octokit, repo, { treeOf: onBase, parents: [branch.head, baseHead], message: `${message}\n\nMerges ${proposal.base} (${baseHead.slice(0, 12)}), which moved since the branch was made.` })
  }
  const moved = await moveBranch(octokit, repo, proposal.branch, commit, branch !== null)
  if (moved === 'conflict') {
    throw new Error(`The branch '${proposal.branch}' changed while ci-monitor was updating it; the next run will look again.`)
  }
  return commit
}

function refOf(pull: PullFacts): PullRef {
  return { number: pull.number, url: pull.url }
}

function authorsOf(commits: ReadonlyArray<{ author: string | null; committer: string | null }>): string {
  return nameList(commits.map((commit) => codeSpan(commit.author ?? commit.committer ?? 'unknown')))
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
