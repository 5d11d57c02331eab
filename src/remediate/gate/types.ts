/**
 * What the safety gate refuses. Every rule holds whatever produced the edit (a catalog recipe or
 * a proposed diff): changes that "fix" a failure by hiding it, or that hand out power.
 */
export type GateRule =
  | 'unparseable'
  | 'schema-invalid'
  | 'too-large'
  | 'continue-on-error'
  | 'if-condition'
  | 'removes-job'
  | 'removes-step'
  | 'adds-trigger'
  | 'changes-trigger'
  | 'widens-permissions'
  | 'touches-secrets'
  | 'changes-run'
  | 'download-exec'
  | 'weakens-checks'
  | 'unpinned-action'
  | 'changes-runner'
  | 'env-injection'
  | 'shrinks-matrix'
  | 'timeout-cap'

export interface GateViolation {
  rule: GateRule
  /** Plain sentence for the audit trail and the job summary (workflow text only in code spans). */
  message: string
}
