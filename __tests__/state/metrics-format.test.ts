import { describe, expect, it } from '@jest/globals'
import { recentFiguresTable } from '../../src/notify/figures.js'
import { computeMetrics } from '../../src/state/metrics.js'
import { formatDuration, formatShare, formatUsd } from '../../src/state/metrics-format.js'
import type { StateDocuments } from '../../src/state/load.js'
import { FIX_PULLS, NOW, RECOVERIES, RUNS, RUN_RECOVERIES, fingerprintDocs } from '../fixtures/state/history.ts'

describe('figures in words', () => {
  it('rounds durations to what a person reads', () => {
    expect([0, 45, 60, 1200, 3599, 3600, 10800, 46950, 86_399, 86_400, 187_200].map(formatDuration)).toEqual([
      '0 s',
      '45 s',
      '1 min',
      '20 min',
      '1 h',
      '1 h',
      '3 h',
      '13 h 3 min',
      '1 d',
      '1 d',
      '2 d 4 h'
    ])
    expect(formatDuration(null)).toBe('—')
  })

  it('shows shares and money plainly', () => {
    expect([null, 0, 5 / 14, 1].map(formatShare)).toEqual(['—', '0%', '36%', '100%'])
    expect([0, 0.012, 12.5].map(formatUsd)).toEqual(['$0.0000', '$0.0120', '$12.50'])
  })
})

describe('the recent figures table for the job summary', () => {
  const documents: StateDocuments = { runs: RUNS, runRecoveries: RUN_RECOVERIES, fingerprints: fingerprintDocs(), recoveries: RECOVERIES, fixPulls: FIX_PULLS }

  it('is a small Markdown table of the window\'s headline figures, with every cell escaped', () => {
    const table = recentFiguresTable(computeMetrics(documents, { now: NOW, windowDays: 30 }))
    expect(table.split('\n')).toEqual([
      '#### Recent figures (last 30 days, as of 2026-11-16)',
      '',
      '| Figure | Value | Made of |',
      '| --- | --- | --- |',
      '| Failures | 14 | 11 DEVOPS · 3 DEVELOPER, in 11 runs |',
      '| Auto\\-fixed | 50% | 7 of 14: 3 by re\\-run, 4 by fix PR |',
      '| Flaky | 36% | 5 of 14 passed on a later attempt |',
      '| Re\\-run success | 67% | 2 passed, 1 failed, 1 pending of 4 |',
      '| Fix PRs | 2 opened | 1 merged, 1 closed unmerged |',
      '| Time to recovery | 3 h | median of 6 incidents; mean 13 h 3 min |',
      // `$` is escaped: GitHub would otherwise start inline math.
      '| LLM | 3 calls | 3,000 tokens, \\$0\\.0120; 1 memo hit |',
      '| Slack messages | 6 sent | 1 failed, 2 suppressed as duplicates |'
    ])
  })

  it('says "—" rather than inventing a share on a quiet week', () => {
    const table = recentFiguresTable(computeMetrics({ runs: [], runRecoveries: [], fingerprints: [], recoveries: [], fixPulls: [] }, { now: NOW, windowDays: 7 }))
    expect(table).toContain('| Auto\\-fixed | — | 0 of 0: 0 by re\\-run, 0 by fix PR |')
    expect(table).toContain('| Time to recovery | — | no recoveries |')
  })
})
