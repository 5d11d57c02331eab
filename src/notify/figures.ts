/**
 * The small "recent figures" table for the job summary: the repository's headline figures over
 * one window, as GitHub Markdown. Pure; the numbers come from the metrics, and every cell is
 * escaped anyway, since GitHub reads `$…$` as math and `|` as a cell break.
 */
import type { Metrics } from '../state/metrics.js'
import { headlineFigures } from '../state/metrics-format.js'
import { escapeMarkdownInline } from './escape.js'

export function recentFiguresTable(metrics: Metrics): string {
  const asOf = metrics.generated_at.slice(0, 10)
  const rows = headlineFigures(metrics).map(
    (figure) => `| ${escapeMarkdownInline(figure.label)} | ${escapeMarkdownInline(figure.value)} | ${escapeMarkdownInline(figure.detail)} |`
  )
  return [
    `#### Recent figures (last ${metrics.window.days} days, as of ${asOf})`,
    '',
    '| Figure | Value | Made of |',
    '| --- | --- | --- |',
    ...rows
  ].join('\n')
}
