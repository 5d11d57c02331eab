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
  | {
      kind: 'add-retry'
      /** The installer whose download failed; remediate checks the step really runs it. */
      tool: RetryTool
      /** Name of the failing step (jobs API), or null to find the one step that runs `tool`. */
      step?: string | null
      description: string
    }
  | { kind: 'node-heap'; step?: string | null; description: string }
  | { kind: 'free-disk'; step?: string | null; description: string }
  | {
      kind: 'move-toolchain-version'
      /** The setup action's language; only `python` has a table of what each image provides. */
      tool: 'python' | 'node' | 'java' | 'go'
      /** The version the setup action could not provide, as the log names it (a hint, checked). */
      version: string
      /** The runner image the log names (`ubuntu-24.04`), or null. */
      image: string | null
      step?: string | null
      description: string
    }
  | {
      kind: 'add-permission'
      /**
       * The value of an `x-accepted-github-permissions` header printed in the log
       * (`pull_requests=write; issues=write`), or null: the scope then comes from the failing
       * step's action and ci-monitor's table, never from free text.
       */
      acceptedPermissions: string | null
      step?: string | null
      description: string
    }
  | {
      /**
       * A unified diff of the failed run's workflow that the LLM proposed (untrusted text). It is
       * never applied as given: remediate's judge applies it exactly to the file on the default
       * branch and puts the result through the same safety gate as catalog fixes, or refuses it.
       */
      kind: 'proposed-diff'
      diff: string
      description: string
    }

/** Installers `add-retry` knows how to retry. */
export type RetryTool = 'npm' | 'yarn' | 'pnpm' | 'pip' | 'poetry' | 'apt' | 'go' | 'maven' | 'docker'

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
