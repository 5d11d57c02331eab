/**
 * The job summary of the scheduled sweep (pure): what each part did, one sentence each, and the
 * recent figures it computed.
 */
import type { Metrics } from '../state/metrics.js'
import { escapeMarkdownInline } from './escape.js'
import { recentFiguresTable } from './figures.js'

export interface SweepSummaryInput {
  repository: string
  /** One plain sentence per part of the sweep. */
  sentences: readonly string[]
  recent: Metrics | null
}

export function buildSweepSummary(input: SweepSummaryInput): string {
  const lines = [`## ci-monitor: scheduled sweep of ${escapeMarkdownInline(input.repository, 200)}`, '', ...input.sentences.map((s) => `- ${escapeMarkdownInline(s, 1_000)}`)]
  if (input.recent) lines.push('', recentFiguresTable(input.recent))
  return `${lines.join('\n')}\n`
}
