import { describe, expect, it } from '@jest/globals'
import { historyOf } from '../../src/pipeline/history.js'
import { newFingerprintDoc, withOccurrence } from '../../src/state/fingerprints.js'

const occurrence = (runId: number, attempt: number, job: string, day: number) => ({
  run_id: runId,
  attempt,
  job,
  head_sha: 'a'.repeat(40),
  branch: 'main',
  at: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`
})

describe('the history a run is told about', () => {
  it('leaves out earlier analyses of the same run attempt, and only those', () => {
    let doc = newFingerprintDoc('0123456789abcdef', 'DEVOPS', 'network', '2026-11-01T00:00:00.000Z')
    const verdict = { owner: 'DEVOPS', category: 'network' }
    doc = withOccurrence(doc, occurrence(1, 1, 'build', 1), verdict)
    doc = withOccurrence(doc, occurrence(2, 1, 'build', 2), verdict)
    doc = withOccurrence(doc, occurrence(2, 1, 'test', 2), verdict)
    expect(historyOf(doc, null).seen).toBe(3)
    expect(historyOf(doc, { id: 3, attempt: 1 }).seen).toBe(3)
    expect(historyOf(doc, { id: 2, attempt: 1 }).seen).toBe(1) // both its jobs
    expect(historyOf(doc, { id: 2, attempt: 2 }).seen).toBe(3) // another attempt is another occurrence
  })
})
