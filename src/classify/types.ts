import type { Category, Owner } from './categories.js'
import type { LogLine } from '../triage/types.js'

/**
 * A fix the catalog knows how to make, stated as intent. Parameters a log provides are only
 * hints: remediate checks them against its own tables and the workflow file before any edit.
 */
export type FixIntent =
  | { kind: 'upgrade-action'; action: string; fromRef: string | null; description: string }
  | {
      kind: 'raise-timeout'
      observedMinutes: number | null
      description: string
      /**
       * Name of the step that hit its own `timeout-minutes` (the runner logs "The action has timed
       * out."), or absent/null when the whole job hit its limit.
       */
      step?: string | null
    }

export interface Diagnosis {
  owner: Owner
  category: Category
  /** 0..1 */
  confidence: number
  /** Would a plain re-run likely pass? */
  transient: boolean
  /** One sentence a developer can act on. */
  summary: string
  /** The rule that decided, or null when nothing matched. */
  ruleId: string | null
  /** Which engine produced the verdict. */
  engine: 'rules' | 'llm'
  /** The lines that prove it. */
  evidence: LogLine[]
  fix: FixIntent | null
}

/** Facts about the run that are not in the log, from the API. */
export interface ClassifyContext {
  /** Conclusion of the job (failure, timed_out, cancelled …). */
  jobConclusion?: string | null
  /** Conclusion of the whole run (startup_failure has no jobs and no logs). */
  runConclusion?: string | null
}
