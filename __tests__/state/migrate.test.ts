import { describe, expect, it } from '@jest/globals'
import { kindByPath, migrate, type Upgrade } from '../../src/state/migrate.js'
import { SCHEMA_VERSION } from '../../src/state/records.js'

describe('migrating documents between schema versions', () => {
  it('leaves a current document as it is', () => {
    const doc = { schema_version: SCHEMA_VERSION, kind: 'fingerprint', count: 1 }
    expect(migrate(doc, 'fingerprint')).toEqual({ ok: true, doc, from: SCHEMA_VERSION })
  })

  it('treats a document without schema_version as version 0 and upgrades it step by step, in order', () => {
    const steps: Upgrade[] = [(doc) => ({ ...doc, schema_version: 1, trail: [...(doc['trail'] as number[]), 1] }), (doc) => ({ ...doc, schema_version: 2, trail: [...(doc['trail'] as number[]), 2] })]
    expect(migrate({ trail: [] }, 'thing', { thing: steps }, 2)).toEqual({ ok: true, from: 0, doc: { schema_version: 2, trail: [1, 2] } })
    expect(migrate({ schema_version: 1, trail: [] }, 'thing', { thing: steps }, 2)).toEqual({ ok: true, from: 1, doc: { schema_version: 2, trail: [2] } })
  })

  it('refuses a newer document, a version that is not one, a kind without an upgrade, and what is not an object', () => {
    expect(migrate({ schema_version: SCHEMA_VERSION + 1 }, 'fingerprint')).toEqual({
      ok: false,
      newer: true,
      problem: `written by a newer ci-monitor (schema_version ${SCHEMA_VERSION + 1} > ${SCHEMA_VERSION}); upgrade the action`
    })
    expect(migrate({ schema_version: '1' }, 'fingerprint')).toEqual({ ok: false, newer: false, problem: 'has schema_version "1", not a version number' })
    expect(migrate({ schema_version: 0.5 }, 'fingerprint')).toMatchObject({ ok: false, newer: false })
    expect(migrate({ kind: 'recovery' }, 'recovery')).toEqual({ ok: false, newer: false, problem: 'has schema_version 0, and ci-monitor has no upgrade of recovery documents from it' })
    expect(migrate([1, 2], 'fingerprint')).toEqual({ ok: false, newer: false, problem: 'is not a JSON object' })
    expect(migrate(null, 'fingerprint')).toMatchObject({ ok: false, newer: false })
  })

  it('upgrades version 0 fingerprint documents and run records to version 1, keeping every field they had', () => {
    const fingerprint = migrate({ fingerprint: 'abcdef01', count: 3, flaky: [{ run_id: 1 }] }, 'fingerprint')
    expect(fingerprint).toEqual({
      ok: true,
      from: 0,
      doc: { fingerprint: 'abcdef01', count: 3, flaky: [{ run_id: 1 }], kind: 'fingerprint', schema_version: 1, pulls: [], llm_memo: null, reruns: [], incident: null }
    })
    const run = migrate({ run: { id: 5 }, jobs: [{ name: 'build' }, { name: 'test', llm: { status: 'skipped' } }] }, 'run-analysis')
    expect(run).toEqual({
      ok: true,
      from: 0,
      doc: { run: { id: 5 }, kind: 'run-analysis', schema_version: 1, last_green: null, jobs: [{ llm: null, name: 'build' }, { name: 'test', llm: { status: 'skipped' } }] }
    })
    // A kind stated in the document is kept: the schema then decides.
    expect(migrate({ kind: 'recovery' }, 'fingerprint')).toMatchObject({ ok: true, doc: { kind: 'recovery' } })
  })

  it('knows a version 0 document by where it is', () => {
    expect(kindByPath('fingerprints/0123456789abcdef.json')).toBe('fingerprint')
    expect(kindByPath('runs/12/attempt-2.json')).toBe('run-analysis')
    expect(kindByPath('notes.json')).toBeNull()
    expect(kindByPath('runs/12/notes.json')).toBeNull()
  })
})
