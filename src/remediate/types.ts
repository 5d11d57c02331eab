import type { FixIntent } from '../classify/types.js'

/** A catalog fix kind, or `proposed-diff` for a diff an LLM proposed that matches none of them. */
export type FixKind = FixIntent['kind'] | 'proposed-diff'

/** The one token scope an `add-permission` fix grants; the gate lets exactly this widening through. */
export interface PermissionGrant {
  /** The job whose `permissions:` the fix edits. */
  job: string
  /** A GITHUB_TOKEN scope such as `pull-requests`. */
  scope: string
  level: 'read' | 'write'
}

/** A reviewable edit of one workflow file, ready to become a commit or a delivered patch. */
export interface PlannedFix {
  kind: FixKind
  /** `catalog` when ci-monitor planned it, `proposed-diff` when it judged a proposed unified diff. */
  origin: 'catalog' | 'proposed-diff'
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
  /** Set only by `add-permission`: the single scope the fix adds. */
  permissionGrant: PermissionGrant | null
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
  /** The runner is self-hosted, unknown, or of a kind the fix does not apply to. */
  | 'unsupported-runner'
  /** A proposed diff is malformed, touches a path it may not, or does not match the base text. */
  | 'invalid-diff'
  /** A proposed diff applies but the safety gate refuses the result. */
  | 'unsafe'

/** Why no fix was planned; `refused` is a plain sentence for the audit trail and the summary. */
export interface FixRefusal {
  refused: string
  code: RefusalCode
}

export type RepositoryVisibility = 'public' | 'private' | 'internal'

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
  /**
   * The failed job's runner labels from the jobs API (`labels`, e.g. `["ubuntu-latest"]`), which
   * resolve `runs-on: ${{ matrix.os }}`. Without them only literal `runs-on` values are understood.
   */
  runnerLabels?: readonly string[]
  /** From the event's `repository.visibility`: hosted runners have more memory for public ones. */
  repositoryVisibility?: RepositoryVisibility | null
}

export function isRefusal(value: PlannedFix | FixRefusal): value is FixRefusal {
  return 'refused' in value
}
