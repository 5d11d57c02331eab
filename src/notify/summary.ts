/**
 * The job summary (GITHUB_STEP_SUMMARY) as Markdown, built from plain data with no I/O. It is the
 * one place every finding lands even when Slack is down, so it carries everything the Slack
 * message does and more. Untrusted text is escaped or fenced, and the whole stays under a byte
 * budget far below GitHub's 1 MiB limit (an over-limit summary is dropped entirely).
 */
import type { Diagnosis } from '../classify/types.js'
import type { Metrics } from '../state/metrics.js'
import type { LineRange, LogLine } from '../triage/types.js'
import { escapeMarkdownInline, markdownFence, safeLinkUrl } from './escape.js'
import { recentFiguresTable } from './figures.js'
import { categoryTitle, confidenceText, decidedBy, describeRanges, historySentence, numberedLines, percent, type HistoryFacts } from './format.js'

export interface JobReport {
  job: string
  jobUrl?: string | null
  diagnosis: Diagnosis
  failingStep?: { name: string; number: number | null } | null
  fingerprint: string
  /** What the state branch knew about this failure (occurrences, flakiness). */
  history?: HistoryFacts | null
  /** Triage's excerpt; without it the diagnosis evidence is shown. */
  excerpt?: { ranges: LineRange[]; lines: LogLine[] } | null
  /** What ci-monitor did for this job, one sentence. */
  decision: string
  /** Why: the policy checks that led to the decision. */
  reasons?: readonly string[]
  prUrl?: string | null
  /** A unified diff delivered instead of a PR. */
  patch?: string | null
  /** Dry run: what would have been done ("open a fix PR upgrading actions/cache"). */
  wouldHave?: readonly string[]
}

export interface SummaryInput {
  repository: string
  workflow: string
  branch: string
  runUrl: string
  runId?: number | null
  runAttempt?: number | null
  dryRun: boolean
  jobs: readonly JobReport[]
  /** What degraded this run: "Slack failed: invalid_auth — the message is delivered here instead". */
  problems?: readonly string[]
  /** The repository's recent figures (the last sweep's), shown at the end. */
  recentFigures?: Metrics | null
  /** Byte budget (UTF-8) for the whole summary; default 256 KiB. */
  maxBytes?: number
}

export const SUMMARY_DEFAULT_MAX_BYTES = 256 * 1024
/** Smaller budgets are raised to this: below it not even one job would fit. */
export const SUMMARY_MIN_MAX_BYTES = 16 * 1024
/** Jobs shown in full; the rest get one table row each. */
const DETAILED_JOBS = 20
const LISTED_JOBS = 200
const MAX_EXCERPT_LINES = 80
const MAX_LIST_ITEMS = 20
const MAX_ITEM_CHARS = 400
/** A section never gets less than this, however many jobs share the budget. */
const MIN_JOB_BYTES = 4 * 1024

export function buildJobSummary(input: SummaryInput): string {
  const maxBytes = Math.max(SUMMARY_MIN_MAX_BYTES, input.maxBytes ?? SUMMARY_DEFAULT_MAX_BYTES)
  const detailed = input.jobs.slice(0, DETAILED_JOBS)
  const head = headerSection(input)
  // Problems and the overflow table get an eighth of the budget each; jobs get the rest.
  const tailBudget = Math.floor(maxBytes / 8)
  // The figures table is a few hundred bytes of numbers and our own labels, whatever the history.
  const figures = input.recentFigures ? recentFiguresTable(input.recentFigures) : ''
  const tail = [problemsSection(input.problems ?? [], tailBudget), moreJobsSection(input.jobs.slice(DETAILED_JOBS), tailBudget), figures]
    .filter(Boolean)
    .join('\n\n')
  // Separators, the final newline and the "left out" note.
  const reserve = 256
  const fixedBytes = bytes(head) + bytes(tail) + reserve
  const perJob = Math.max(MIN_JOB_BYTES, Math.floor((maxBytes - fixedBytes) / Math.max(1, detailed.length)))

  const parts = [head]
  let used = fixedBytes
  for (let i = 0; i < detailed.length; i++) {
    const sectionText = jobSection(detailed[i]!, i + 1, perJob)
    if (used + bytes(sectionText) + 2 > maxBytes) {
      parts.push(`_${detailed.length - i} more job${detailed.length - i === 1 ? '' : 's'} left out: the summary reached its size limit._`)
      break
    }
    parts.push(sectionText)
    used += bytes(sectionText) + 2
  }
  if (tail) parts.push(tail)
  return `${parts.join('\n\n')}\n`
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function headerSection(input: SummaryInput): string {
  const count = input.jobs.length
  const title = `## ci-monitor: ${count === 0 ? 'no failed jobs found' : `${count} failed job${count === 1 ? '' : 's'}`} in ${escapeMarkdownInline(input.workflow, 120)}`
  const run = input.runId ? `#${input.runId}${input.runAttempt && input.runAttempt > 1 ? ` (attempt ${input.runAttempt})` : ''}` : 'the run'
  const runUrl = safeLinkUrl(input.runUrl)
  const facts = [
    `**Repository:** ${escapeMarkdownInline(input.repository, 200)}`,
    `**Branch:** ${escapeMarkdownInline(input.branch, 200)}`,
    `**Run:** ${runUrl ? `[${run}](${runUrl})` : run}`
  ].join(' · ')
  const lines = [title, '', facts]
  if (input.dryRun) lines.push('', '> **Dry run:** ci-monitor changed nothing. Each job lists what it would have done.')
  return lines.join('\n')
}

/** One job in full, shrunk (patch, then excerpt) until it fits `budget` bytes. */
function jobSection(report: JobReport, index: number, budget: number): string {
  const evidence = report.excerpt?.lines.length ? report.excerpt.lines : report.diagnosis.evidence
  let excerptLines = Math.min(evidence.length, MAX_EXCERPT_LINES)
  let showPatch = true
  for (;;) {
    const text = renderJob(report, index, evidence.slice(0, excerptLines), evidence.length - excerptLines, showPatch)
    if (bytes(text) <= budget) return text
    if (showPatch && report.patch) showPatch = false
    else if (excerptLines > 0) excerptLines = Math.floor(excerptLines / 2)
    else return text
  }
}

function renderJob(report: JobReport, index: number, excerpt: readonly LogLine[], hiddenLines: number, showPatch: boolean): string {
  const { diagnosis } = report
  const jobUrl = safeLinkUrl(report.jobUrl)
  const name = escapeMarkdownInline(report.job, 200)
  const out: string[] = [`### ${index}. ${jobUrl ? `[${name}](${jobUrl})` : name}: ${escapeMarkdownInline(categoryTitle(diagnosis))}`, '']
  out.push(diagnosisTable(report), '')
  out.push(`**Summary:** ${escapeMarkdownInline(diagnosis.summary || 'No summary.', 1_000)}`, '')
  out.push(...excerptBlock(report, excerpt, hiddenLines))
  out.push(`**Decision:** ${escapeMarkdownInline(report.decision, 600)}`)
  out.push(...bulletList(report.reasons ?? []), '')
  const fix = fixBlock(report, showPatch)
  if (fix.length > 0) out.push(...fix, '')
  if (report.wouldHave && report.wouldHave.length > 0) {
    out.push('**Dry run, not done:**', ...bulletList(report.wouldHave.map((item) => `would have ${item}`)), '')
  }
  return out.join('\n').trimEnd()
}

function diagnosisTable(report: JobReport): string {
  const { diagnosis } = report
  const step = report.failingStep
    ? `${report.failingStep.number !== null ? `#${report.failingStep.number} ` : ''}${report.failingStep.name}`
    : 'unknown'
  const rows: [string, string][] = [
    ['Owner', diagnosis.owner],
    ['Category', `${categoryTitle(diagnosis)} (${diagnosis.category})`],
    ['Confidence', confidenceText(diagnosis.confidence)],
    ['Transient', diagnosis.transient ? 'yes: a re-run will likely pass' : 'no'],
    ['Decided by', decidedBy(diagnosis)],
    ['Failing step', step]
  ]
  if (report.history) rows.push(['History', historySentence(report.history)])
  const fingerprint = /^[0-9a-f]{6,128}$/i.test(report.fingerprint) ? `\`${report.fingerprint}\`` : escapeMarkdownInline(report.fingerprint, 128)
  return [
    '| | |',
    '|---|---|',
    ...rows.map(([label, value]) => `| ${label} | ${escapeMarkdownInline(value, 300)} |`),
    `| Fingerprint | ${fingerprint} |`
  ].join('\n')
}

function excerptBlock(report: JobReport, excerpt: readonly LogLine[], hiddenLines: number): string[] {
  if (excerpt.length === 0) {
    return hiddenLines > 0 ? [`_Log excerpt left out (${hiddenLines} lines) to stay within the summary size limit._`, ''] : []
  }
  const ranges = report.excerpt?.lines.length ? describeRanges(report.excerpt.ranges) : ''
  const label = report.excerpt?.lines.length ? '**Log excerpt**' : '**Evidence**'
  const out = [`${label}${ranges ? ` (${ranges})` : ''}:`, '', markdownFence(numberedLines(excerpt), { info: 'text' })]
  if (hiddenLines > 0) out.push(`_${hiddenLines} more line${hiddenLines === 1 ? '' : 's'} not shown._`)
  out.push('')
  return out
}

function fixBlock(report: JobReport, showPatch: boolean): string[] {
  const description = report.diagnosis.fix ? escapeMarkdownInline(report.diagnosis.fix.description, 600) : ''
  const prUrl = safeLinkUrl(report.prUrl)
  if (prUrl) return [`**Fix:** [pull request](${prUrl})${description ? `: ${description}` : ''}`]
  if (report.patch) {
    const intro = `**Fix:** ${description ? `${description} ` : ''}`
    if (!showPatch) {
      const lineCount = report.patch.split('\n').length
      return [`${intro}The patch (${lineCount} lines) is too large for this summary.`]
    }
    return [
      `${intro}Save the patch below as \`ci-monitor.patch\` and run \`git apply ci-monitor.patch\` from the repository root.`,
      '',
      markdownFence(report.patch.replace(/\n$/, '').split('\n'), { info: 'diff', maxLineChars: 2_000 })
    ]
  }
  // A change the model proposed is no suggestion once ci-monitor has not applied it: the reasons say why.
  if (report.diagnosis.fix?.kind === 'proposed-diff') return [NOT_APPLIED]
  return description ? [`**Suggested fix:** ${description}`] : []
}

const NOT_APPLIED = '**Fix:** the workflow change the LLM proposed was not applied; the decision above says why.'

function bulletList(items: readonly string[], maxBytes = Infinity): string[] {
  return fitLines(items.slice(0, MAX_LIST_ITEMS).map((item) => `- ${escapeMarkdownInline(item, MAX_ITEM_CHARS)}`), items.length, maxBytes, (n) => `- … and ${n} more`)
}

/** As many of `lines` as fit in `maxBytes`, then a note counting the rest of `total`. */
function fitLines(lines: readonly string[], total: number, maxBytes: number, more: (count: number) => string): string[] {
  const kept: string[] = []
  let used = 0
  for (const line of lines) {
    if (used + bytes(line) + 1 > maxBytes) break
    kept.push(line)
    used += bytes(line) + 1
  }
  if (kept.length < total) kept.push(more(total - kept.length))
  return kept
}

function problemsSection(problems: readonly string[], maxBytes: number): string {
  if (problems.length === 0) return ''
  return ['### Problems during this run', '', ...bulletList(problems, maxBytes)].join('\n')
}

function moreJobsSection(jobs: readonly JobReport[], maxBytes: number): string {
  if (jobs.length === 0) return ''
  const rows = jobs
    .slice(0, LISTED_JOBS)
    .map(
      (job) =>
        `| ${escapeMarkdownInline(job.job, 120)} | ${escapeMarkdownInline(categoryTitle(job.diagnosis))} | ${percent(job.diagnosis.confidence)} | ${escapeMarkdownInline(job.decision, 200)} |`
    )
  const table = fitLines(rows, jobs.length, maxBytes, (n) => `\n_… and ${n} more._`)
  return [`### ${jobs.length} more failed job${jobs.length === 1 ? '' : 's'}`, '', '| Job | Category | Confidence | Decision |', '|---|---|---|---|', ...table].join('\n')
}
