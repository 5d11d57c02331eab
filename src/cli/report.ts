/**
 * `ci-monitor report --state DIR [--window 7|30|90] [--format text|markdown|json] [--as-of TIME]`:
 * the dashboard's figures from a local clone of the state branch, as text for a terminal, Markdown
 * for an issue or a wiki, or JSON. Names from the branch (branches, workflows, summaries) are
 * untrusted: cleaned of terminal escapes for text, escaped for Markdown.
 */
import { capText, escapeMarkdownInline, toSingleLine } from '../notify/escape.js'
import { recentFiguresTable } from '../notify/figures.js'
import { CATEGORIES } from '../classify/categories.js'
import { githubLinks, type GitHubLinks } from '../state/dashboard/html.js'
import { loadStateDir, type LoadedState, type SourceSummary } from '../state/load.js'
import { computeMetrics, WINDOWS, type Metrics, type WindowDays } from '../state/metrics.js'
import { formatCount, headlineFigures } from '../state/metrics-format.js'
import { parseOptions } from './options.js'
import { USAGE, USAGE_ERROR, printable, type CliIO } from './run.js'

const FORMATS = ['text', 'markdown', 'json'] as const
type Format = (typeof FORMATS)[number]
const SYNOPSIS = 'ci-monitor report --state DIR [--window 7|30|90] [--format text|markdown|json] [--as-of TIME]'

export async function reportCommand(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(USAGE)
    return 0
  }
  const parsed = parseReportArgs(args)
  if (typeof parsed === 'string') {
    io.stderr.write(`ci-monitor report: ${parsed} (usage: ${SYNOPSIS})\n`)
    return USAGE_ERROR
  }
  let loaded: LoadedState
  try {
    loaded = await loadStateDir(parsed.state)
  } catch (error) {
    io.stderr.write(`ci-monitor report: cannot read the state directory ${printable(parsed.state)}: ${errorText(error)}\n`)
    return USAGE_ERROR
  }
  const repository = repositoryOf(loaded)
  const metrics = computeMetrics(loaded.documents, { now: parsed.asOf, windowDays: parsed.window, repository })
  const links = githubLinks(repository)
  const out =
    parsed.format === 'json'
      ? `${JSON.stringify({ metrics, sources: loaded.summary }, null, 2)}\n`
      : parsed.format === 'markdown'
        ? renderMarkdown(metrics, loaded.summary, links)
        : renderText(metrics, loaded.summary)
  io.stdout.write(out)
  return 0
}

interface ReportArgs {
  state: string
  window: WindowDays
  format: Format
  asOf: Date
}

function parseReportArgs(args: readonly string[]): ReportArgs | string {
  const options = parseOptions(args, ['state', 'window', 'format', 'as-of'])
  if (typeof options === 'string') return options
  const state = options.get('state')
  if (state === undefined) return 'missing --state DIR (a local clone of the state branch)'
  const windowText = options.get('window') ?? '30'
  const window = WINDOWS.find((days) => String(days) === windowText)
  if (window === undefined) return `--window must be 7, 30 or 90, not '${printable(windowText)}'`
  const formatText = options.get('format') ?? 'text'
  const format = FORMATS.find((f) => f === formatText)
  if (format === undefined) return `--format must be text, markdown or json, not '${printable(formatText)}'`
  const asOfText = options.get('as-of')
  const asOf = asOfText === undefined ? new Date() : new Date(asOfText)
  if (Number.isNaN(asOf.getTime()) || (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(asOfText))) {
    return `--as-of must be an ISO date or time such as 2026-11-16T12:00:00Z, not '${printable(asOfText ?? '')}'`
  }
  return { state, window, format, asOf }
}

/** The repository the newest run record names, if it looks like one. */
function repositoryOf(loaded: LoadedState): string | null {
  const newest = [...loaded.documents.runs].sort((a, b) => b.analysed_at.localeCompare(a.analysed_at))[0]
  return newest && githubLinks(newest.repository) ? newest.repository : null
}

function errorText(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (code === 'ENOENT') return 'no such directory'
  if (code === 'ENOTDIR') return 'not a directory'
  if (code === 'EACCES') return 'permission denied'
  return printable(error instanceof Error ? error.message : String(error))
}

function categoryTitle(category: string): string {
  return Object.hasOwn(CATEGORIES, category) ? CATEGORIES[category as keyof typeof CATEGORIES].title : category
}

// ---------------------------------------------------------------------------------------------
// Text

/** Untrusted text for a terminal: one line, no escape sequences or invisible characters, capped. */
function plain(text: string, max: number): string {
  return capText(toSingleLine(text), max)
}

export function renderText(m: Metrics, sources: SourceSummary): string {
  const out: string[] = []
  out.push(`ci-monitor report${m.repository ? ` · ${plain(m.repository, 140)}` : ''} · last ${m.window.days} days (${m.window.from.slice(0, 10)} to ${m.window.to.slice(0, 10)} UTC)`, '')
  const figures = headlineFigures(m)
  const labelWidth = Math.max(...figures.map((f) => f.label.length))
  const valueWidth = Math.max(...figures.map((f) => f.value.length))
  for (const f of figures) out.push(`${f.label.padEnd(labelWidth)}  ${f.value.padEnd(valueWidth)}  ${f.detail}`)

  const table = (title: string, rows: [string, number][]) => {
    out.push('', title)
    if (rows.length === 0) out.push('  none')
    const width = Math.max(0, ...rows.map(([label]) => label.length))
    for (const [label, count] of rows) out.push(`  ${label.padEnd(width)}  ${formatCount(count).padStart(5)}`)
  }
  table('By owner', Object.entries(m.failures.by_owner))
  table('By category', Object.entries(m.failures.by_category).map(([c, n]) => [categoryTitle(c), n]))
  table('By workflow', m.failures.by_workflow.map((w) => [`${plain(w.workflow_name || w.workflow_path, 60)} (${plain(w.workflow_path, 80)})`, w.count]))
  table('By branch', m.failures.by_branch.map((b) => [plain(b.branch, 80), b.count]))

  out.push('', 'Top recurring failures')
  if (m.top_fingerprints.length === 0) out.push('  none')
  m.top_fingerprints.forEach((row, i) => {
    const pulls = row.pulls.map((p) => `#${p.number}${p.state ? ` ${p.state}` : ''}`).join(', ')
    out.push(
      `  ${i + 1}. ${row.fingerprint}  ${plural(row.count, 'failure')} (${row.flaky} flaky, ${row.auto_fixed} auto-fixed)  ${row.owner} ${categoryTitle(row.category)}`,
      `     ${plain(row.summary, 160)}`,
      `     last ${row.last_seen.slice(0, 16).replace('T', ' ')} UTC in run ${row.last_run.id}${row.last_run.attempt > 1 ? ` attempt ${row.last_run.attempt}` : ''} · ${plain(row.workflow_name, 60)} on ${row.branches.map((b) => plain(b, 60)).join(', ')}${pulls ? ` · fix PRs ${pulls}` : ''}`
    )
  })
  out.push('', ...sourceLines(sources, (text, max) => plain(text, max)))
  return `${out.join('\n')}\n`
}

// ---------------------------------------------------------------------------------------------
// Markdown

export function renderMarkdown(m: Metrics, sources: SourceSummary, links: GitHubLinks | null): string {
  const md = escapeMarkdownInline
  const out: string[] = [`## ci-monitor report${m.repository ? `: ${md(m.repository)}` : ''}`, '', recentFiguresTable(m)]
  const table = (title: string, header: string, rows: [string, number][]) => {
    out.push('', `#### ${title}`, '', `| ${header} | Failures |`, '| --- | ---: |')
    if (rows.length === 0) out.push('| none | 0 |')
    for (const [label, count] of rows) out.push(`| ${label} | ${formatCount(count)} |`)
  }
  table('By owner', 'Owner', Object.entries(m.failures.by_owner).map(([o, n]) => [md(o), n]))
  table('By category', 'Category', Object.entries(m.failures.by_category).map(([c, n]) => [md(categoryTitle(c)), n]))
  table('By workflow', 'Workflow', m.failures.by_workflow.map((w) => [`${md(w.workflow_name || w.workflow_path, 80)} (${md(w.workflow_path, 120)})`, w.count]))
  table('By branch', 'Branch', m.failures.by_branch.map((b) => [md(b.branch, 120), b.count]))

  out.push('', '#### Top recurring failures', '')
  if (m.top_fingerprints.length === 0) out.push('None in this window.')
  else {
    out.push('| # | Fingerprint | Verdict | Summary | Failures | Flaky | Auto-fixed | Last run | Fix PRs |', '| ---: | --- | --- | --- | ---: | ---: | ---: | --- | --- |')
    m.top_fingerprints.forEach((row, i) => {
      const run = `run ${row.last_run.id}`
      const lastRun = links ? `[${run}](${links.run(row.last_run.id, row.last_run.attempt)})` : run
      const pulls = row.pulls.map((p) => {
        const label = `#${p.number}${p.state ? ` ${p.state}` : ''}`
        return links ? `[${label}](${links.pull(p.number)})` : md(label)
      })
      out.push(
        `| ${i + 1} | \`${row.fingerprint}\` | ${md(row.owner)} · ${md(categoryTitle(row.category))} | ${md(row.summary, 200)} | ${row.count} | ${row.flaky} | ${row.auto_fixed} | ${lastRun} · ${md(row.last_seen.slice(0, 10))} | ${pulls.join(', ') || 'none'} |`
      )
    })
  }
  out.push('', ...sourceLines(sources, (text, max) => md(text, max)))
  return `${out.join('\n')}\n`
}

function sourceLines(sources: SourceSummary, clean: (text: string, max: number) => string): string[] {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([kind, n]) => `${formatCount(n)} ${clean(kind, 60)}`)
      .join(', ')
  const lines = [`Documents read: ${list(sources.used) || 'none'}.`]
  if (Object.keys(sources.skipped).length > 0) lines.push(`Not read by this version: ${list(sources.skipped)}.`)
  if (sources.quarantined > 0) lines.push(`Quarantined: ${formatCount(sources.quarantined)}.`)
  if (sources.problems.length > 0) {
    lines.push(`Left out (${formatCount(sources.problems.length)}):`)
    for (const problem of sources.problems) lines.push(`- ${clean(problem.path, 200)}: ${clean(problem.problem, 300)}`)
  }
  return lines
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`
}
