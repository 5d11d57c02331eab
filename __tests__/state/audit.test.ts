import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { DEFAULT_CONFIG } from '../../src/context/config.js'
import { parseInputs } from '../../src/context/inputs.js'
import {
  AUDIT_GENESIS,
  AUDIT_HEAD_PATH,
  AuditChainError,
  appendEntries,
  auditEntriesForRun,
  auditFileChanges,
  canonicalJson,
  inputsDigest,
  verify,
  verifyTrail,
  type AuditEntryInput
} from '../../src/state/audit.js'
import { RUNS, auditFiles } from '../fixtures/state/history.ts'

const actor = { token_login: 'github-actions[bot]', triggered_by: 'octocat' }

function entry(n: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    at: `2026-11-0${n}T10:00:00.000Z`,
    kind: 'rerun',
    actor,
    run_id: 100 + n,
    attempt: 1,
    fingerprint: null,
    inputs_digest: 'ab'.repeat(32),
    outcome: 'done',
    detail: `Re-ran the failed jobs of run ${100 + n}.`,
    ...overrides
  }
}

const lines = (text: string) => text.trimEnd().split('\n')
const joinLines = (parts: string[]) => `${parts.join('\n')}\n`

describe('canonical JSON', () => {
  it('sorts keys at every depth and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}')
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}')
  })

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('non-finite')
  })
})

describe('appending', () => {
  it('numbers entries from 1 and chains each hash to the one before, starting at genesis', () => {
    const { text, appended } = appendEntries(null, [entry(1), entry(2)])
    expect(appended.map((e) => e.seq)).toEqual([1, 2])
    const [first, second] = lines(text).map((line) => JSON.parse(line) as Record<string, unknown>)
    // hash = sha256(prev + canonical(entry without hash)), recomputed here independently.
    const expected = (e: Record<string, unknown>) => {
      const { hash: _, ...rest } = e
      return createHash('sha256').update(String(e['prev']) + canonicalJson(rest)).digest('hex')
    }
    expect(first!['prev']).toBe(AUDIT_GENESIS)
    expect(first!['hash']).toBe(expected(first!))
    expect(second!['prev']).toBe(first!['hash'])
    expect(second!['hash']).toBe(expected(second!))
  })

  it('continues a month from the previous month\'s last hash', () => {
    const october = appendEntries(null, [entry(1)])
    const november = appendEntries(null, [entry(2)], october.tip!.hash)
    expect(JSON.parse(lines(november.text)[0]!)).toMatchObject({ seq: 1, prev: october.tip!.hash })
    expect(verify(november.text, october.tip!.hash)).toMatchObject({ ok: true, entries: 1 })
    expect(verify(november.text)).toMatchObject({ ok: false, line: 1 })
  })

  it('never appends the same event twice: re-delivered (other time, same facts) or within one batch', () => {
    const first = appendEntries(null, [entry(1), entry(2)])
    const again = appendEntries(first.text, [{ ...entry(1), at: '2026-11-09T00:00:00.000Z' }, entry(2), entry(3), entry(3)])
    expect(again.appended.map((e) => e.run_id)).toEqual([103])
    expect(again.duplicates).toBe(3)
    expect(verify(again.text)).toMatchObject({ ok: true, entries: 3 })
    expect(appendEntries(again.text, [entry(3)]).text).toBe(again.text)
  })

  it('keeps events that differ in outcome or detail', () => {
    const first = appendEntries(null, [entry(1)])
    const next = appendEntries(first.text, [entry(1, { outcome: 'failed' }), entry(1, { detail: 'another detail' })])
    expect(next.appended).toHaveLength(2)
  })

  it('caps a long detail and refuses a malformed entry', () => {
    const { appended } = appendEntries(null, [entry(1, { detail: 'x'.repeat(5000) })])
    expect(appended[0]!.detail.length).toBe(1000)
    expect(() => appendEntries(null, [entry(1, { at: 'yesterday' })])).toThrow(AuditChainError)
    expect(() => appendEntries(null, [entry(1, { fingerprint: '../../etc' })])).toThrow(AuditChainError)
    expect(() => appendEntries('{ broken\n', [entry(1)])).toThrow('line 1 is not valid JSON')
  })
})

describe('verifying one file', () => {
  const four = appendEntries(null, [entry(1), entry(2), entry(3), entry(4)]).text

  it('accepts an untouched file', () => {
    expect(verify(four)).toEqual({ ok: true, entries: 4, tip: { seq: 4, hash: JSON.parse(lines(four)[3]!).hash } })
    expect(verify('')).toEqual({ ok: true, entries: 0, tip: null })
  })

  it('finds an entry edited in the middle', () => {
    const edited = lines(four)
    edited[1] = edited[1]!.replace('"outcome":"done"', '"outcome":"failed"')
    expect(verify(joinLines(edited))).toEqual({ ok: false, line: 2, reason: expect.stringContaining('changed after it was written') })
  })

  it('finds an entry edited with its hash recomputed, at the next line', () => {
    const parts = lines(four)
    const e = JSON.parse(parts[1]!) as Record<string, unknown>
    e['detail'] = 'Nothing happened.'
    const { hash: _, ...rest } = e
    e['hash'] = createHash('sha256').update(String(e['prev']) + canonicalJson(rest)).digest('hex')
    parts[1] = JSON.stringify(e)
    expect(verify(joinLines(parts))).toEqual({ ok: false, line: 3, reason: expect.stringContaining('line 2 was changed') })
  })

  it('finds a removed, moved or inserted line', () => {
    const parts = lines(four)
    expect(verify(joinLines([parts[0]!, parts[2]!, parts[3]!]))).toMatchObject({ ok: false, line: 2, reason: expect.stringContaining('removed') })
    expect(verify(joinLines([parts[0]!, parts[2]!, parts[1]!, parts[3]!]))).toMatchObject({ ok: false, line: 2 })
    expect(verify(joinLines([parts[0]!, '', parts[1]!]))).toMatchObject({ ok: false, line: 2, reason: 'empty line' })
  })

  it('finds a field added to an entry', () => {
    const parts = lines(four)
    parts[2] = parts[2]!.replace('{', '{"approved":true,')
    expect(verify(joinLines(parts))).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('not an audit entry') })
  })
})

describe('verifying the trail', () => {
  it('accepts the recorded history: three months chained from genesis, HEAD at the tip', () => {
    const { files, head } = auditFiles()
    const verdict = verifyTrail(files, head)
    expect(verdict.ok).toBe(true)
    expect(verdict.files.map((f) => f.path)).toEqual(['audit/2026-09.jsonl', 'audit/2026-10.jsonl', 'audit/2026-11.jsonl'])
    expect(verdict.entries).toBe(verdict.files.reduce((sum, f) => sum + f.entries, 0))
    expect(verdict.entries).toBeGreaterThan(20)
  })

  it('finds a month removed', () => {
    const { files, head } = auditFiles()
    expect(verifyTrail([files[0]!, files[2]!], head).failure).toMatchObject({ path: 'audit/2026-11.jsonl', line: 1 })
    expect(verifyTrail(files.slice(1), head).failure).toMatchObject({ path: 'audit/2026-10.jsonl', line: 1 })
  })

  it('finds entries cut off the end, which the chain alone cannot show', () => {
    const { files, head } = auditFiles()
    const last = files[2]!
    const cut = { path: last.path, text: joinLines(lines(last.text).slice(0, -2)) }
    expect(verify(cut.text, JSON.parse(lines(files[1]!.text).at(-1)!).hash).ok).toBe(true)
    expect(verifyTrail([files[0]!, files[1]!, cut], head).failure).toMatchObject({ path: AUDIT_HEAD_PATH, reason: expect.stringContaining('removed or added') })
    expect(verifyTrail(files, null).failure).toMatchObject({ path: AUDIT_HEAD_PATH, reason: expect.stringContaining('missing') })
  })

  it('is empty and fine on a branch with no trail yet', () => {
    expect(verifyTrail([], null)).toMatchObject({ ok: true, entries: 0, tip: null })
  })
})

/** The state branch as a map, read and written the way BranchStore's commit callback does. */
function branch(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial))
  return {
    files,
    read: async (path: string) => files.get(path) ?? null,
    apply: (changes: { path: string; content: string | null }[]) => {
      for (const change of changes) if (change.content !== null) files.set(change.path, change.content)
    },
    trail: () => verifyTrail([...files].filter(([p]) => p.endsWith('.jsonl')).map(([path, text]) => ({ path, text })), files.get(AUDIT_HEAD_PATH) ?? null)
  }
}

describe('writing to the branch', () => {
  it('starts the trail, continues it, and moves to a new month through HEAD', async () => {
    const state = branch()
    const first = await auditFileChanges(state.read, [entry(1), entry(2)], new Date('2026-10-31T23:59:00Z'))
    expect(first.changes.map((c) => c.path)).toEqual(['audit/2026-10.jsonl', AUDIT_HEAD_PATH])
    state.apply(first.changes)
    const second = await auditFileChanges(state.read, [entry(3)], new Date('2026-11-01T00:01:00Z'))
    expect(second.changes.map((c) => c.path)).toEqual(['audit/2026-11.jsonl', AUDIT_HEAD_PATH])
    state.apply(second.changes)
    expect(state.trail()).toMatchObject({ ok: true, entries: 3 })
  })

  it('appends to the newest month even when its own clock lags behind it', async () => {
    const state = branch()
    state.apply((await auditFileChanges(state.read, [entry(1)], new Date('2026-11-01T00:00:01Z'))).changes)
    const lagging = await auditFileChanges(state.read, [entry(2)], new Date('2026-10-31T23:59:59Z'))
    expect(lagging.changes[0]!.path).toBe('audit/2026-11.jsonl')
    state.apply(lagging.changes)
    expect(state.trail()).toMatchObject({ ok: true, entries: 2 })
  })

  it('merges two racing writers: the loser recomputes on the new tip, nothing lost or doubled', async () => {
    const state = branch()
    const now = new Date('2026-11-05T10:00:00Z')
    const a = await auditFileChanges(state.read, [entry(1)], now)
    const b = await auditFileChanges(state.read, [entry(2)], now)
    state.apply(a.changes) // a wins the ref update; b's commit is refused and b runs its change again
    state.apply((await auditFileChanges(state.read, [entry(2)], now)).changes)
    // A re-delivered event afterwards adds nothing.
    const redelivered = await auditFileChanges(state.read, [entry(1), entry(2)], now)
    expect(redelivered).toMatchObject({ changes: [], appended: 0, duplicates: 2, problem: null })
    expect(b.changes).toHaveLength(2)
    expect(state.trail()).toMatchObject({ ok: true, entries: 2 })
  })

  it('refuses to append over a trail changed outside ci-monitor, instead of burying the evidence', async () => {
    const state = branch()
    state.apply((await auditFileChanges(state.read, [entry(1), entry(2)], new Date('2026-11-05T10:00:00Z'))).changes)
    const path = 'audit/2026-11.jsonl'
    state.files.set(path, `${lines(state.files.get(path)!)[0]}\n`) // the last entry cut off
    const result = await auditFileChanges(state.read, [entry(3)], new Date('2026-11-05T11:00:00Z'))
    expect(result.changes).toEqual([])
    expect(result.problem).toContain('does not match the last entry')
    state.files.set(AUDIT_HEAD_PATH, '{}')
    expect((await auditFileChanges(state.read, [entry(3)], new Date('2026-11-05T11:00:00Z'))).problem).toContain('not readable')
  })

  it('refuses to append after an edit above the last entry, which HEAD alone does not show', async () => {
    const state = branch()
    const at = new Date('2026-11-05T10:00:00Z')
    state.apply((await auditFileChanges(state.read, [entry(1), entry(2), entry(3)], at)).changes)
    const path = 'audit/2026-11.jsonl'
    const [first, ...rest] = lines(state.files.get(path)!)
    const edited = JSON.stringify({ ...JSON.parse(first!), outcome: 'edited' })
    state.files.set(path, [edited, ...rest].map((line) => `${line}\n`).join(''))
    const result = await auditFileChanges(state.read, [entry(4)], at)
    expect(result.changes).toEqual([])
    expect(result.problem).toMatch(/^audit\/2026-11\.jsonl line 1: the hash does not match the entry/)
  })
})

describe('what the entries say', () => {
  it('records a run attempt: each job\'s analysis and verdict, then every effect', () => {
    const record = RUNS.find((r) => r.run.id === 1020)!
    const entries = auditEntriesForRun(record, { actor, inputsDigest: 'cd'.repeat(32) })
    expect(entries.map((e) => [e.kind, e.outcome])).toEqual([
      ['analysis', 'DEVOPS/workflow_config'],
      ['gate-verdict', 'open-pr'],
      ['analysis', 'DEVOPS/workflow_config'],
      ['gate-verdict', 'open-pr'],
      ['analysis', 'DEVOPS/workflow_config'],
      ['gate-verdict', 'open-pr'],
      ['pull-request', 'done'],
      ['slack-message', 'done']
    ])
    expect(entries.every((e) => e.run_id === 1020 && e.attempt === 1 && e.actor === actor)).toBe(true)
    expect(entries[6]!.detail).toContain('https://github.com/acme/shop/pull/41')
    // Three jobs, one fingerprint, same decision: told apart by the job's name, so none is dropped.
    expect(appendEntries(null, entries).appended).toHaveLength(8)
  })

  it('records a diagnosed fix that was not delivered as a refusal', () => {
    const record = structuredClone(RUNS.find((r) => r.run.id === 2001)!)
    expect(auditEntriesForRun(record, { actor, inputsDigest: null }).some((e) => e.kind === 'refusal')).toBe(false)
    record.jobs[0]!.decision = { action: 'notify', reasons: ['The fix is refused by the safety gate: it removes a step.'] }
    const refusal = auditEntriesForRun(record, { actor, inputsDigest: null }).find((e) => e.kind === 'refusal')
    expect(refusal).toMatchObject({ outcome: 'free-disk-not-applied', fingerprint: record.jobs[0]!.fingerprint, detail: 'publish: the free-disk fix was not applied; notify instead.' })
  })

  it('digests the effective settings without their secrets', () => {
    const inputs = (values: Record<string, string>) => parseInputs((name) => values[name] ?? '')
    const base = inputsDigest(DEFAULT_CONFIG, inputs({ 'github-token': 'ghs_first', 'llm-api-key': 'sk-one' }))
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    // Another value of the same secrets: the same digest (only whether each is set counts).
    expect(inputsDigest(DEFAULT_CONFIG, inputs({ 'github-token': 'ghs_second', 'llm-api-key': 'sk-two' }))).toBe(base)
    // A fix token being set changes what ci-monitor may do, and so the digest.
    expect(inputsDigest(DEFAULT_CONFIG, inputs({ 'github-token': 'ghs_first', 'llm-api-key': 'sk-one', 'fix-token': 'ghp_x' }))).not.toBe(base)
    expect(inputsDigest({ ...DEFAULT_CONFIG, risk_threshold: 2 }, inputs({ 'github-token': 'ghs_first', 'llm-api-key': 'sk-one' }))).not.toBe(base)
    // Credentials in a URL are not settings.
    const withUrl = (url: string) => inputsDigest(DEFAULT_CONFIG, inputs({ 'llm-base-url': url }))
    expect(withUrl('https://user:secret@llm.example/v1')).toBe(withUrl('https://other:pw@llm.example/v1'))
  })
})
