/**
 * The static dashboard for the state branch: `index.html` (everything drawn at render time, no
 * script, no external resource, works from `file://` and GitHub Pages) and `data.json` (the same
 * figures for other tools). Pure: metrics in, two texts out.
 *
 * Fingerprint summaries, branch and workflow names are untrusted text: they are escaped, and the
 * page's Content-Security-Policy would stop any markup that slipped through from running.
 */
import { CATEGORIES, CATEGORY_NAMES } from '../../classify/categories.js'
import type { Metrics, TopFingerprint } from '../metrics.js'
import { formatCount, formatDuration, formatShare, headlineFigures } from '../metrics-format.js'
import type { SourceSummary } from '../load.js'
import { SCHEMA_VERSION, serialize } from '../records.js'
import { barChart, lineChart, stackedBarChart, type Series } from './charts.js'
import { escapeHtml, githubLinks, untrustedText, type GitHubLinks } from './html.js'
import { CONTENT_SECURITY_POLICY, STYLESHEET } from './style.js'

export interface DashboardOptions {
  /** `owner/name`, for the title and the links. */
  repository: string | null
  /** GitHub's web origin (GITHUB_SERVER_URL); https only. */
  serverUrl?: string
  /** What was read to compute the figures, shown at the foot of the page. */
  sources?: SourceSummary | null
}

export interface DashboardFiles {
  'index.html': string
  'data.json': string
}

/** Colours by category, stable across windows and runs; one per category in the catalogue. */
const PALETTE = ['#4e79a7', '#f28e2b', '#76b7b2', '#e15759', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#2f4b7c', '#a05195', '#d45087', '#665191', '#7f7f7f', '#bab0ac']
const UNKNOWN_COLOUR = '#c9ccd1'
const AUTO_FIX_COLOUR = '#1a7f37'
const FLAKY_COLOUR = '#bc4c00'
const RECOVERY_COLOUR = '#0969da'
const MAX_PROBLEMS_SHOWN = 20

/** Renders the page for one or more windows (7/30/90 days); the 30-day window is shown first. */
export function renderDashboard(windows: readonly Metrics[], options: DashboardOptions): DashboardFiles {
  if (windows.length === 0) throw new Error('renderDashboard needs the metrics of at least one window')
  const links = githubLinks(options.repository, options.serverUrl)
  const shown = windows.find((m) => m.window.days === 30) ?? windows[0]!
  const title = options.repository ? `ci-monitor · ${untrustedText(options.repository, 140)}` : 'ci-monitor'
  const generated = shown.generated_at

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${STYLESHEET}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="muted">CI failures diagnosed by ci-monitor, as of ${escapeHtml(formatTime(generated))}. The figures are also in <a href="data.json">data.json</a>.</p>
</header>
${windows.map((m) => `<input class="tab" type="radio" name="window" id="w${m.window.days}"${m === shown ? ' checked' : ''}>`).join('\n')}
<nav aria-label="Window">${windows.map((m) => `<label for="w${m.window.days}">${m.window.days} days</label>`).join('')}</nav>
<main>
${windows.map((m) => windowSection(m, links)).join('\n')}
</main>
${footer(shown, options.sources ?? null)}
</body>
</html>
`
  const data = serialize({
    schema_version: SCHEMA_VERSION,
    kind: 'dashboard-data',
    generated_at: generated,
    repository: options.repository,
    windows,
    sources: options.sources ?? null
  })
  return { 'index.html': html, 'data.json': data }
}

function windowSection(m: Metrics, links: GitHubLinks | null): string {
  const days = m.window.days
  return `<section class="window" id="window-${days}" aria-label="Last ${days} days">
<p class="muted">Last ${days} days: ${escapeHtml(m.window.from.slice(0, 10))} to ${escapeHtml(m.window.to.slice(0, 10))} (UTC).</p>
<div class="tiles">
${headlineFigures(m)
  .map(
    (f) =>
      `<div class="tile" data-figure="${f.key}" title="${escapeHtml(f.definition)}"><div class="label">${escapeHtml(f.label)}</div><div class="value">${escapeHtml(f.value)}</div><div class="detail">${escapeHtml(f.detail)}</div></div>`
  )
  .join('\n')}
</div>
${failuresChart(m)}
${recoveryChart(m)}
${ratesChart(m)}
<h2>Top recurring failures</h2>
${topTable(m.top_fingerprints, links)}
<div class="grid">
${breakdown('By owner', 'Owner', Object.entries(m.failures.by_owner).map(([owner, count]) => [escapeHtml(owner), count]))}
${breakdown('By category', 'Category', Object.entries(m.failures.by_category).map(([category, count]) => [categoryLabel(category), count]))}
${breakdown('By workflow', 'Workflow', m.failures.by_workflow.map((w) => [`${untrustedText(w.workflow_name || w.workflow_path, 80)}<br><code>${untrustedText(w.workflow_path, 120)}</code>`, w.count]))}
${breakdown('By branch', 'Branch', m.failures.by_branch.map((b) => [`<code>${untrustedText(b.branch, 120)}</code>`, b.count]))}
</div>
</section>`
}

function failuresChart(m: Metrics): string {
  const categories = Object.keys(m.failures.by_category)
  const series: Series[] = categories.map((category) => ({
    label: categoryLabel(category),
    color: categoryColour(category),
    values: m.daily.map((p) => p.by_category[category] ?? 0)
  }))
  const svg = stackedBarChart({
    dates: m.daily.map((p) => p.date),
    series,
    unit: (value) => `${value} failure${value === 1 ? '' : 's'}`,
    tick: (value) => String(value),
    ariaLabel: `Failures per day by category, last ${m.window.days} days`
  })
  const legend = series.map((s) => `<li>${swatch(s.color)}${s.label}</li>`).join('')
  return chartFigure('failures-by-category', 'Failures per day, by category', svg, legend ? `<ul class="legend">${legend}</ul>` : '', m.failures.total === 0 ? 'No failures in this window.' : null)
}

function recoveryChart(m: Metrics): string {
  const svg = barChart({
    dates: m.daily.map((p) => p.date),
    values: m.daily.map((p) => (p.median_recovery_seconds === null ? null : p.median_recovery_seconds / 3600)),
    color: RECOVERY_COLOUR,
    tick: (hours) => `${Math.round(hours * 10) / 10} h`,
    label: (date, hours) => {
      const point = m.daily.find((p) => p.date === date)!
      return `${date} · ${point.recoveries} recovered, median ${formatDuration(hours * 3600)}`
    },
    reference: m.recovery.median_seconds === null ? null : { value: m.recovery.median_seconds / 3600, label: `Median over the window: ${formatDuration(m.recovery.median_seconds)}` },
    ariaLabel: `Time to recovery per day, last ${m.window.days} days`
  })
  const legend = `<ul class="legend"><li>${swatch(RECOVERY_COLOUR)}median time to recovery of the incidents that recovered that day</li><li>dashed: median over the window (${escapeHtml(formatDuration(m.recovery.median_seconds))})</li></ul>`
  return chartFigure('recovery', 'Time to recovery', svg, legend, m.recovery.incidents === 0 ? 'No recoveries recorded in this window.' : null)
}

/** Shares over the 7 days ending each day (fewer at the start of the window): a day alone is mostly 0% or 100%. */
const TRAILING_DAYS = 7

function ratesChart(m: Metrics): string {
  const share = (part: (p: Metrics['daily'][number]) => number) =>
    m.daily.map((_, i) => {
      const week = m.daily.slice(Math.max(0, i - TRAILING_DAYS + 1), i + 1)
      const failures = week.reduce((sum, p) => sum + p.failures, 0)
      return failures === 0 ? null : week.reduce((sum, p) => sum + part(p), 0) / failures
    })
  const series: Series[] = [
    { label: 'Auto-fixed', color: AUTO_FIX_COLOUR, values: share((p) => p.auto_fixed) },
    { label: 'Flaky', color: FLAKY_COLOUR, values: share((p) => p.flaky) }
  ]
  const svg = lineChart({
    dates: m.daily.map((p) => p.date),
    series,
    max: 1,
    tick: (value) => formatShare(value),
    label: (date, s, value) => `${TRAILING_DAYS} days to ${date} · ${s.label}: ${formatShare(value)}`,
    ariaLabel: `Auto-fixed and flaky share of failures over the trailing ${TRAILING_DAYS} days, last ${m.window.days} days`
  })
  const legend = `<ul class="legend">${series.map((s) => `<li>${swatch(s.color)}${s.label} (${escapeHtml(formatShare(s.label === 'Flaky' ? m.flaky.rate : m.auto_fixed.share))} over the window)</li>`).join('')}</ul>`
  return chartFigure('rates', `Auto-fixed and flaky share of the failures in the ${TRAILING_DAYS} days to each day`, svg, legend, m.failures.total === 0 ? 'No failures in this window.' : null)
}

function chartFigure(key: string, caption: string, svg: string, legend: string, empty: string | null): string {
  return `<figure class="chart" data-chart="${key}"><figcaption>${escapeHtml(caption)}</figcaption>${svg}${legend}${empty ? `<p class="empty">${escapeHtml(empty)}</p>` : ''}</figure>`
}

function topTable(rows: readonly TopFingerprint[], links: GitHubLinks | null): string {
  if (rows.length === 0) return '<p class="empty">No failures in this window.</p>'
  const body = rows
    .map((row, index) => {
      const lastRun = links
        ? `<a href="${escapeHtml(links.run(row.last_run.id, row.last_run.attempt))}">run ${row.last_run.id}${row.last_run.attempt > 1 ? ` #${row.last_run.attempt}` : ''}</a>`
        : `run ${row.last_run.id}`
      const pulls = row.pulls
        .map((p) => {
          const label = `#${p.number}${p.state ? ` ${p.state}` : ''}`
          return links ? `<a href="${escapeHtml(links.pull(p.number))}">${escapeHtml(label)}</a>` : escapeHtml(label)
        })
        .join(', ')
      return `<tr data-fingerprint="${escapeHtml(row.fingerprint)}">
<td class="num">${index + 1}</td>
<td><code>${escapeHtml(row.fingerprint)}</code></td>
<td>${escapeHtml(row.owner)}<br>${categoryLabel(row.category)}</td>
<td class="summary">${untrustedText(row.summary, 300)}</td>
<td class="num">${formatCount(row.count)}${row.all_time !== null ? `<br><span class="muted">${formatCount(row.all_time)} ever</span>` : ''}</td>
<td class="num">${formatCount(row.flaky)}</td>
<td class="num">${formatCount(row.auto_fixed)}</td>
<td>${untrustedText(row.workflow_name, 80)}<br>${row.branches.map((b) => `<code>${untrustedText(b, 80)}</code>`).join(' ')}</td>
<td>${escapeHtml(formatTime(row.last_seen))}<br>${lastRun}</td>
<td>${pulls || '<span class="muted">none</span>'}</td>
</tr>`
    })
    .join('\n')
  return `<div class="table-wrap"><table class="top">
<thead><tr><th class="num">#</th><th>Fingerprint</th><th>Verdict</th><th>Summary</th><th class="num">Failures</th><th class="num">Flaky</th><th class="num">Auto-fixed</th><th>Where</th><th>Last seen</th><th>Fix PRs</th></tr></thead>
<tbody>
${body}
</tbody></table></div>`
}

/** A two-column table; `label` cells are HTML already escaped by the caller. */
function breakdown(caption: string, header: string, rows: readonly [string, number][]): string {
  const body = rows.length === 0 ? `<tr><td colspan="2" class="muted">none</td></tr>` : rows.map(([label, count]) => `<tr><td>${label}</td><td class="num">${formatCount(count)}</td></tr>`).join('')
  return `<div><h2>${escapeHtml(caption)}</h2><table><thead><tr><th>${escapeHtml(header)}</th><th class="num">Failures</th></tr></thead><tbody>${body}</tbody></table></div>`
}

function footer(m: Metrics, sources: SourceSummary | null): string {
  const definitions = headlineFigures(m)
    .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.definition)}</dd>`)
    .join('')
  let read = ''
  if (sources) {
    const used = Object.entries(sources.used).map(([kind, n]) => `${formatCount(n)} ${escapeHtml(kind)}`)
    const skipped = Object.entries(sources.skipped).map(([kind, n]) => `${formatCount(n)} ${untrustedText(kind, 60)}`)
    const problems = sources.problems
      .slice(0, MAX_PROBLEMS_SHOWN)
      .map((p) => `<li><code>${untrustedText(p.path, 200)}</code>: ${untrustedText(p.problem, 300)}</li>`)
      .join('')
    const more = sources.problems.length > MAX_PROBLEMS_SHOWN ? `<li>… ${sources.problems.length - MAX_PROBLEMS_SHOWN} more</li>` : ''
    read = `<h2>Documents</h2>
<p>Read: ${used.join(', ') || 'none'}.${skipped.length > 0 ? ` Not read by this version: ${skipped.join(', ')}.` : ''}${sources.quarantined > 0 ? ` Quarantined: ${formatCount(sources.quarantined)}.` : ''}</p>
${sources.problems.length > 0 ? `<p>Left out (${formatCount(sources.problems.length)}):</p><ul class="problems">${problems}${more}</ul>` : ''}`
  }
  return `<footer>
<h2>What the figures mean</h2>
<dl>${definitions}</dl>
${read}
</footer>`
}

function categoryLabel(category: string): string {
  return Object.hasOwn(CATEGORIES, category) ? escapeHtml(CATEGORIES[category as keyof typeof CATEGORIES].title) : untrustedText(category, 60)
}

function categoryColour(category: string): string {
  const index = (CATEGORY_NAMES as readonly string[]).indexOf(category)
  return index === -1 ? UNKNOWN_COLOUR : PALETTE[index % PALETTE.length]!
}

function swatch(colour: string): string {
  return `<svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${colour}"/></svg>`
}

/** "2026-11-16 12:00 UTC". */
function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}
