/**
 * The figures part of the scheduled sweep: read the whole state branch in one request (its
 * zipball), look up what happened since (recoveries, fix pull request outcomes; bounded), compute
 * the figures and the dashboard, fold the per-run documents of old months into `archive/`
 * (bounded), and write everything in one commit. A lost race re-reads the new tip and recomputes
 * (answers already fetched are reused); a dry run computes and says what it would write.
 */
import { downloadBranchArchive, type ArchiveFile } from '../../github/archive.js'
import type { Octokit, Repo } from '../../github/client.js'
import { branchHead, type TextChange } from '../../github/git.js'
import type { Logger } from '../../log/logger.js'
import { BranchStore } from '../../state/branch-store.js'
import { planCompaction, type CompactionPlan } from '../../state/compaction.js'
import { fixPullPath, type FixPullDoc } from '../../state/fix-pulls.js'
import { parseStateFiles } from '../../state/load.js'
import type { Metrics } from '../../state/metrics.js'
import { recoveryPath, type RecoveryDoc } from '../../state/recoveries.js'
import { serialize } from '../../state/records.js'
import { DASHBOARD_DATA, DASHBOARD_HTML, planDashboard } from './dashboard.js'
import { lookUpFixPull } from './fix-pulls.js'
import { pendingPulls, pendingRecoveries, type Pending } from './pending.js'
import { RECENT_WINDOW_DAYS } from './recent.js'
import { lookUpRecovery } from './recoveries.js'

export interface FiguresInput {
  octokit: Octokit
  repo: Repo
  stateBranch: string
  /** GitHub's web origin, for the dashboard's links. */
  serverUrl: string
  now: () => Date
  dryRun: boolean
  log: Logger
}

export interface FiguresResult {
  /** One plain sentence: what was written (or would be), and what is still waiting. */
  sentence: string
  /** Paths written, or that a dry run would write. */
  paths: string[]
  /** The 30-day figures as computed now (null without a state branch). */
  recent: Metrics | null
}

/** The state branch's files the figures read (the page is read only to know it is there). */
const wanted = (path: string): boolean => /\.jsonl?$/.test(path) || path === DASHBOARD_HTML

interface Plan {
  changes: TextChange[]
  /** The part of `changes` that is not the compaction's. */
  figureChanges: TextChange[]
  compaction: CompactionPlan
  recoveries: number
  pulls: number
  waiting: { recoveries: number; pulls: number }
  problems: string[]
  recent: Metrics | null
}

/** Answers from GitHub, kept across the attempts of one sweep (null: nothing final yet). */
interface Answers {
  recoveries: Map<number, RecoveryDoc | null>
  pulls: Map<number, FixPullDoc | null>
}

export async function sweepFigures(input: FiguresInput): Promise<FiguresResult> {
  const now = input.now()
  const answers: Answers = { recoveries: new Map(), pulls: new Map() }
  let plan: Plan | null = null
  const compute = async (head: string | null): Promise<TextChange[]> => {
    plan = head === null ? null : await planFigures(input, head, now, answers)
    return plan?.changes ?? []
  }
  if (input.dryRun) {
    await compute(await branchHead(input.octokit, input.repo, input.stateBranch))
  } else {
    const store = new BranchStore(input.octokit, input.repo, input.stateBranch, input.log)
    await store.commit('ci-monitor: sweep (recoveries, fix pull request outcomes, dashboard, archive of old months)', (_read, _blobOf, head) => compute(head))
  }
  const done = plan as Plan | null
  if (done === null) return { sentence: `No '${input.stateBranch}' branch yet: no figures to compute.`, paths: [], recent: null }
  for (const problem of done.problems) input.log.warning(problem)
  return { sentence: sentence(done, input), paths: done.changes.map((c) => c.path), recent: done.recent }
}

async function planFigures(input: FiguresInput, head: string, now: Date, answers: Answers): Promise<Plan> {
  const { octokit, repo, log } = input
  const archive = await downloadBranchArchive(octokit, repo, head, wanted, log)
  if (archive === null) throw new Error(`The archive of '${input.stateBranch}' at ${head} is not there: the branch moved or was deleted.`)
  const loaded = parseStateFiles(archive.files, archive.problems)
  const problems: string[] = []

  const runs = pendingRecoveries(loaded.documents, now)
  const recoveries = await lookUp(runs, (p) => p.runId, answers.recoveries, (p) => lookUpRecovery(octokit, repo, p), 'recoveries', problems)
  const pulls = pendingPulls(loaded.documents)
  const outcomes = await lookUp(pulls, (p) => p.number, answers.pulls, (p) => lookUpFixPull(octokit, repo, p, now), 'fix pull request outcomes', problems)

  const found: TextChange[] = [
    ...recoveries.map((doc) => ({ path: recoveryPath(doc.run_id), content: serialize(doc) })),
    ...outcomes.map((doc) => ({ path: fixPullPath(doc.number), content: serialize(doc) }))
  ]
  const replaced = new Set(found.map((change) => change.path))
  const files: ArchiveFile[] = [...archive.files.filter((file) => !replaced.has(file.path)), ...found.map((c) => ({ path: c.path, text: c.content! }))]
  const dashboard = planDashboard(
    parseStateFiles(files, archive.problems),
    { data: archive.files.find((file) => file.path === DASHBOARD_DATA)?.text ?? null, html: archive.files.some((file) => file.path === DASHBOARD_HTML) },
    { now, repository: `${repo.owner}/${repo.repo}`, serverUrl: input.serverUrl }
  )
  // After the figures, which it leaves as they are; what this sweep just wrote is folded later.
  const compaction = planCompaction(
    archive.files.filter((file) => !replaced.has(file.path)),
    { now, unread: archive.problems.map((problem) => problem.path) }
  )
  const figureChanges = [...found, ...dashboard.changes]
  return {
    changes: [...figureChanges, ...compaction.changes],
    figureChanges,
    compaction,
    recoveries: recoveries.length,
    pulls: outcomes.length,
    waiting: { recoveries: runs.waiting - recoveries.length, pulls: pulls.waiting - outcomes.length },
    problems: [...problems, ...compaction.problems],
    recent: dashboard.windows.find((m) => m.window.days === RECENT_WINDOW_DAYS) ?? null
  }
}

/**
 * The documents found for the pending items, asking GitHub only about those not answered in an
 * earlier attempt. The first failed request stops this kind of lookup for this sweep (a rate
 * limit or a missing permission would fail the rest the same way); the next sweep tries again.
 */
async function lookUp<P, D>(
  pending: Pending<P>,
  key: (item: P) => number,
  known: Map<number, D | null>,
  ask: (item: P) => Promise<D | null>,
  what: string,
  problems: string[]
): Promise<D[]> {
  const found: D[] = []
  for (const item of pending.next) {
    if (!known.has(key(item))) {
      try {
        known.set(key(item), await ask(item))
      } catch (error) {
        problems.push(`Looking up ${what} stopped at #${key(item)}: ${error instanceof Error ? error.message : String(error)}. The next sweep tries again.`)
        break
      }
    }
    const doc = known.get(key(item))
    if (doc) found.push(doc)
  }
  return found
}

function sentence(plan: Plan, input: FiguresInput): string {
  const waiting = [
    plan.waiting.recoveries > 0 ? `${plan.waiting.recoveries} failed run(s) wait for their workflow to pass again on their branch` : '',
    plan.waiting.pulls > 0 ? `${plan.waiting.pulls} fix pull request(s) are still open` : ''
  ].filter(Boolean)
  const after = waiting.length > 0 ? ` ${capitalise(waiting.join('; '))}.` : ''
  if (plan.changes.length === 0) return `The figures on '${input.stateBranch}' are up to date: nothing to write.${after}`
  const { folded, waiting: unfolded } = plan.compaction
  const fold = folded.map((m) => `${m.files} file(s) of ${m.month} into ${m.archives.join(', ')}`).join(', ')
  const more = unfolded > 0 ? ` ${unfolded} more file(s) of old months wait for the next sweep.` : ''
  const said: string[] = []
  if (input.dryRun) {
    if (plan.figureChanges.length > 0) said.push(`Would write ${plan.figureChanges.map((c) => c.path).join(', ')} to '${input.stateBranch}' (dry run).`)
    if (folded.length > 0) said.push(`Would fold ${fold} on '${input.stateBranch}' (dry run).`)
    return `${said.join(' ')}${more}${after}`
  }
  const parts = [
    plan.recoveries > 0 ? `${plan.recoveries} recovery record(s)` : '',
    plan.pulls > 0 ? `${plan.pulls} fix pull request outcome(s)` : '',
    plan.figureChanges.some((c) => c.path === DASHBOARD_DATA) ? `the dashboard (${DASHBOARD_HTML}, ${DASHBOARD_DATA})` : ''
  ].filter(Boolean)
  if (parts.length > 0) said.push(`Wrote ${parts.join(', ')} to '${input.stateBranch}'.`)
  if (folded.length > 0) said.push(`Folded ${fold} on '${input.stateBranch}'.`)
  return `${said.join(' ')}${more}${after}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
