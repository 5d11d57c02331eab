/**
 * Rule-based classification of a triaged job log: who should act (DEVOPS or DEVELOPER), which
 * category, how sure, and the lines that prove it. Pure and deterministic.
 */
import { decide, type LineHit } from './decide.js'
import { matchLines } from './match.js'
import type { ClassifyContext, Diagnosis } from './types.js'
import type { Triage } from '../triage/types.js'

export type { ClassifyContext, Diagnosis, FixIntent } from './types.js'

export function classify(triage: Triage, context: ClassifyContext = {}): Diagnosis {
  if (context.runConclusion === 'startup_failure') {
    return {
      owner: 'DEVOPS',
      category: 'workflow_config',
      confidence: 0.8,
      transient: false,
      summary: 'The workflow could not start: the workflow file is invalid or refers to something that does not exist.',
      ruleId: 'context.startup-failure',
      engine: 'rules',
      evidence: [],
      fix: null
    }
  }
  const all: LineHit[] = []
  const matches = matchLines(triage.excerpt.lines)
  triage.excerpt.lines.forEach((line, i) => {
    const hit = matches[i]
    if (hit) all.push({ line, hit })
  })
  // A signature the last green run printed as well is part of normal output: it decides only
  // when nothing new and specific matched (a new bare "Error: …" line does not outweigh it).
  const seenInGreen = new Set(triage.baseline?.seenInGreen ?? [])
  const fresh = all.filter(({ line }) => !seenInGreen.has(line.n))
  const hits = fresh.some(({ hit }) => hit.rule.category !== 'other') ? fresh : all
  const decided = decide(hits, triage.failingStep?.range ?? null, { step: triage.failingStep?.name ?? null, lines: triage.excerpt.lines })
  if (decided?.dominant) return decided.diagnosis
  if (context.jobConclusion === 'timed_out') return timedOut(triage)
  return decided?.diagnosis ?? unknown(triage)
}

/** The API says the job timed out even if the log (cut short) does not. */
function timedOut(triage: Triage): Diagnosis {
  return {
    owner: 'DEVOPS',
    category: 'job_timeout',
    confidence: 0.85,
    transient: false,
    summary: 'The job was stopped at its time limit.',
    ruleId: 'context.timed-out',
    engine: 'rules',
    evidence: triage.excerpt.lines.slice(-3),
    fix: { kind: 'raise-timeout', observedMinutes: null, description: 'The job stopped at its time limit: raise timeout-minutes or make it faster.' }
  }
}

/** Nothing known matched: say so, with low confidence, and point at what the log ends with. */
function unknown(triage: Triage): Diagnosis {
  const lines = triage.excerpt.lines
  const telling = lines.find((l) => /\b(?:error|fail|fatal|exception)/i.test(l.text)) ?? lines[lines.length - 1]
  return {
    owner: 'DEVELOPER',
    category: 'other',
    confidence: 0.1,
    transient: false,
    summary: telling ? `No known failure signature; the most telling line is: ${clipText(telling.text.trim())}` : 'No known failure signature in the log.',
    ruleId: null,
    engine: 'rules',
    evidence: telling ? [telling] : [],
    fix: null
  }
}

function clipText(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}
