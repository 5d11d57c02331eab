import { describe, expect, it } from '@jest/globals'
import {
  MAX_OCCURRENCES,
  fingerprintPath,
  newFingerprintDoc,
  parseFingerprintDoc,
  withFlaky,
  withOccurrence,
  withPull
} from '../../src/state/fingerprints.js'

const FP = '0123456789abcdef'
const occurrence = (runId: number, attempt = 1, job = 'build') => ({
  run_id: runId,
  attempt,
  job,
  head_sha: 'a'.repeat(40),
  branch: 'main',
  at: `2026-11-${String(10 + (runId % 10)).padStart(2, '0')}T00:00:00.000Z`
})
const verdict = { owner: 'DEVOPS', category: 'network' }

describe('fingerprint documents', () => {
  it('count an occurrence once, however often the same run attempt is recorded', () => {
    let doc = newFingerprintDoc(FP, 'DEVOPS', 'network', '2026-11-11T00:00:00.000Z')
    doc = withOccurrence(doc, occurrence(1), verdict)
    doc = withOccurrence(doc, occurrence(1), verdict)
    doc = withOccurrence(doc, occurrence(1, 2), verdict)
    doc = withOccurrence(doc, occurrence(2, 1, 'test'), verdict)
    expect(doc.count).toBe(3)
    expect(doc.occurrences.map((o) => [o.run_id, o.attempt, o.job])).toEqual([
      [1, 1, 'build'],
      [1, 2, 'build'],
      [2, 1, 'test']
    ])
    expect(doc.first_seen).toBe('2026-11-11T00:00:00.000Z')
    expect(doc.last_seen).toBe('2026-11-12T00:00:00.000Z')
  })

  it('stay bounded while counting everything', () => {
    let doc = newFingerprintDoc(FP, 'DEVOPS', 'network', '2026-11-01T00:00:00.000Z')
    for (let run = 1; run <= MAX_OCCURRENCES + 30; run++) doc = withOccurrence(doc, occurrence(run), verdict)
    expect(doc.count).toBe(MAX_OCCURRENCES + 30)
    expect(doc.occurrences).toHaveLength(MAX_OCCURRENCES)
  })

  it('do not count a run attempt again whose occurrence aged out of the capped list', () => {
    let doc = newFingerprintDoc(FP, 'DEVOPS', 'network', '2026-10-01T00:00:00.000Z')
    const old = { ...occurrence(1), at: '2026-10-01T00:00:00.000Z' }
    doc = withOccurrence(doc, old, verdict)
    for (let run = 2; run <= MAX_OCCURRENCES + 1; run++) doc = withOccurrence(doc, occurrence(run), verdict)
    expect(doc.occurrences.some((o) => o.run_id === 1)).toBe(false)
    // Run 1 analysed again: its previous record says when it was counted.
    const again = { ...occurrence(1), at: '2026-11-30T00:00:00.000Z' }
    expect(withOccurrence(doc, again, verdict, old.at)).toBe(doc)
    // Without that record (or recorded after the oldest kept), it is a new occurrence.
    expect(withOccurrence(doc, again, verdict).count).toBe(MAX_OCCURRENCES + 2)
    expect(withOccurrence(doc, again, verdict, '2026-11-29T00:00:00.000Z').count).toBe(MAX_OCCURRENCES + 2)
  })

  it('read the layout written before re-runs and incidents were recorded, and upgrade version 0', () => {
    // As written by ci-monitor at 2db7072: schema_version 1, without `reruns` and `incident`.
    const early = {
      schema_version: 1,
      kind: 'fingerprint',
      fingerprint: FP,
      owner: 'DEVOPS',
      category: 'network',
      first_seen: '2026-11-01T00:00:00.000Z',
      last_seen: '2026-11-01T00:00:00.000Z',
      count: 1,
      occurrences: [occurrence(1)],
      flaky: [],
      pulls: [],
      llm_memo: null
    }
    expect(parseFingerprintDoc(JSON.stringify(early))).toEqual({ ok: true, from: 1, doc: { ...early, reruns: [], incident: null } })
    const { schema_version: _version, kind: _kind, flaky: _flaky, pulls: _pulls, llm_memo: _memo, ...unstamped } = early
    expect(parseFingerprintDoc(JSON.stringify(unstamped))).toEqual({ ok: true, from: 0, doc: { ...early, reruns: [], incident: null } })
    // Version 0 that is not a fingerprint document once upgraded is still refused.
    expect(parseFingerprintDoc(JSON.stringify({ ...unstamped, count: 'one' }))).toMatchObject({ ok: false, newer: false, problem: expect.stringContaining('count') })
  })

  it('keep flaky events and pull requests without duplicates', () => {
    let doc = newFingerprintDoc(FP, 'DEVELOPER', 'test_failure', '2026-11-01T00:00:00.000Z')
    const event = { run_id: 7, head_sha: 'b'.repeat(40), failed_attempt: 1, passed_attempt: 2, at: '2026-11-02T00:00:00.000Z' }
    doc = withFlaky(withFlaky(doc, event), event)
    doc = withPull(withPull(doc, { number: 3, url: 'https://github.com/a/b/pull/3' }), { number: 3, url: 'https://github.com/a/b/pull/3' })
    expect(doc.flaky).toHaveLength(1)
    expect(doc.pulls).toHaveLength(1)
  })

  it('round-trip through JSON and refuse what they cannot trust', () => {
    const doc = withOccurrence(newFingerprintDoc(FP, 'DEVOPS', 'network', '2026-11-01T00:00:00.000Z'), occurrence(1), verdict)
    expect(parseFingerprintDoc(JSON.stringify(doc))).toEqual({ ok: true, doc, from: 1 })
    expect(parseFingerprintDoc('{ not json')).toEqual({ ok: false, newer: false, problem: 'not valid JSON' })
    expect(parseFingerprintDoc(JSON.stringify({ ...doc, count: -1 }))).toMatchObject({ ok: false, newer: false, problem: expect.stringContaining('count') })
    expect(parseFingerprintDoc(JSON.stringify({ ...doc, schema_version: 99 }))).toEqual({
      ok: false,
      newer: true,
      problem: 'written by a newer ci-monitor (schema_version 99 > 1); upgrade the action'
    })
  })

  it('live at a path built only from a hex fingerprint', () => {
    expect(fingerprintPath(FP)).toBe(`fingerprints/${FP}.json`)
    expect(() => fingerprintPath('../../etc/passwd')).toThrow()
  })
})
