import type { FixIntent } from '../classify/types.js'

export type FixKind = FixIntent['kind']

/** A reviewable edit of one workflow file, ready to become a commit or a delivered patch. */
export interface PlannedFix {
  kind: FixKind
  /** Repository-relative path of the workflow, from the API's run `path` (validated). */
  path: string
  before: string
  after: string
  /** Unified diff with a/ and b/ prefixes that `git apply` accepts. */
  patch: string
  /** One line, plain text. */
  title: string
  /** Markdown-safe plain text: workflow-derived names are shown as code spans. */
  description: string
  /** 0..10, computed from the fix type and the size of the change. */
  risk: number
  /** How to undo the change, Markdown-safe plain text. */
  rollback: string
  /** 1-based line numbers removed from `before` and added in `after`. */
  changedLines: { before: number[]; after: number[] }
}

export type RefusalCode =
  | 'invalid-path'
  | 'unparseable'
  | 'not-in-catalog'
  | 'not-found'
  | 'ambiguous'
  | 'nothing-to-change'
  | 'at-cap'
  | 'not-editable'
  | 'shape-changed'

/** Why no fix was planned; `refused` is a plain sentence for the audit trail and the summary. */
export interface FixRefusal {
  refused: string
  code: RefusalCode
}

export interface PlanFixInput {
  /** The run's workflow path from the API (never from the log). */
  workflowPath: string
  /** The workflow file as it is on the branch the fix will be based on. */
  workflowText: string
  intent: FixIntent
  /** The failed job's name from the jobs API (may carry a matrix suffix). */
  jobName: string
  /** Upper bound for raised timeouts in minutes (default 360, GitHub-hosted runners' job limit). */
  maxTimeoutMinutes?: number
}

export function isRefusal(value: PlannedFix | FixRefusal): value is FixRefusal {
  return 'refused' in value
}
