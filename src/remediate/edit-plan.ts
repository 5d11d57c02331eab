import type { RiskInput } from './risk.js'
import type { TextEdit } from './source-edit.js'
import type { PermissionGrant } from './types.js'
import type { YamlPath } from './workflow-doc.js'

/** What a fix recipe returns: source edits plus the words around them. */
export interface EditPlan {
  edits: TextEdit[]
  /** Every value the edits change, by path in the parsed workflow, with its value afterwards. */
  expect: { path: YamlPath; value: unknown }[]
  title: string
  description: string
  rollback: string
  /** Risk facts other than the size of the diff, which the planner measures itself. */
  risk: DistributiveOmit<RiskInput, 'changedLines'>
  /** Only for `add-permission`: the one scope the edit grants. */
  permissionGrant?: PermissionGrant
}

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
