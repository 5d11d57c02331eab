/** Builders shared by the LLM classifier tests. */
import type { Diagnosis } from '../../../src/classify/types.js'
import type { Triage } from '../../../src/triage/types.js'
import { triageText } from '../../../src/triage/index.js'

/** A triage whose excerpt is exactly these lines, numbered from `first`, inside the step `Run ./deploy.sh`. */
export function triageOf(lines: readonly string[], first = 100): Triage {
  const base = triageText('')
  const excerpt = lines.map((text, i) => ({ n: first + i, text }))
  return {
    ...base,
    failingStep: lines.length > 0 ? { name: 'Run ./deploy.sh', number: 4, range: { start: first, end: first + lines.length - 1 } } : null,
    excerpt: { ranges: lines.length > 0 ? [{ start: first, end: first + lines.length - 1 }] : [], lines: excerpt },
    fingerprint: '55bac05e6bd11e69'
  }
}

export const DEPLOY_LOG = [
  'Deploying build 4711 to staging',
  'Error: connect ETIMEDOUT 10.0.3.7:5432',
  'deploy.sh: database migration did not finish',
  'Error: Process completed with exit code 1.'
]

/** An unsure rules verdict: nothing specific matched. */
export function unsureRules(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    owner: 'DEVELOPER',
    category: 'other',
    confidence: 0.2,
    transient: false,
    summary: 'The step failed with exit code 1; no known cause was named.',
    ruleId: 'runner.exit-code',
    engine: 'rules',
    evidence: [{ n: 103, text: 'Error: Process completed with exit code 1.' }],
    fix: null,
    ...overrides
  }
}

export interface AnswerFields {
  category: string
  confidence: unknown
  transient: unknown
  summary: unknown
  fix: unknown
}

export const NO_FIX = { kind: 'none', action: null, from_ref: null, observed_minutes: null, step: null, diff: null }

/** The JSON text a model following the schema would send. */
export function answer(overrides: Partial<AnswerFields> = {}): string {
  return JSON.stringify({
    category: 'service_dependency',
    confidence: 0.8,
    transient: true,
    summary: 'The deploy could not reach the staging database, so the migration did not finish.',
    fix: NO_FIX,
    ...overrides
  })
}
