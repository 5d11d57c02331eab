// The diagnosis engine on the real logs of the shared corpus, with floors at the figures reached
// (see `npm run bench`), so a regression fails. The corpus is third-party data read in place.
import { describe, expect, it } from '@jest/globals'
import { classify } from '../../src/classify/index.js'
import { triageStream } from '../../src/triage/index.js'
import { corpusRoot, evaluateCase, loadCorpus, summarize, type CaseResult } from '../../scripts/bench.ts'

const cases = loadCorpus()
const describeCorpus = cases.length > 0 ? describe : describe.skip
if (cases.length === 0) console.warn(`corpus.test: no corpus at ${corpusRoot()} (set CI_MONITOR_CORPUS); skipping`)

describeCorpus('corpus', () => {
  it('meets the accuracy and recall floors', async () => {
    const results: CaseResult[] = []
    for (const c of cases) results.push(await evaluateCase(c, { triageStream, classify }))
    const summary = summarize(results)
    const misses = results.filter((r) => r.got.category !== r.expected.category).map((r) => `${r.id}: got ${r.got.category}`)
    if (summary.categoryAccuracy < 0.95) console.error('category misses:', misses)
    expect(summary.ownerAccuracy).toBeGreaterThanOrEqual(0.95)
    expect(summary.categoryAccuracy).toBeGreaterThanOrEqual(0.95)
    expect(summary.chunkRecallCases).toBeGreaterThanOrEqual(0.98)
    expect(summary.chunkRecallLines).toBeGreaterThanOrEqual(0.83)
    expect(summary.chunkRecallPooled).toBeGreaterThanOrEqual(0.17)
    expect(summary.chunkRecallWithinBudget).toBeGreaterThanOrEqual(0.92)
    expect(summary.chunkRecallFirst10).toBeGreaterThanOrEqual(0.95)
    // The budget: a median excerpt of at most 40 lines, never over 60.
    expect(summary.medianExcerpt).toBeLessThanOrEqual(40)
    expect(summary.medianExcerpt).toBeGreaterThan(0)
    expect(Math.max(...results.map((r) => r.excerptLines))).toBeLessThanOrEqual(60)
  })
})
