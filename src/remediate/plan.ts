import type { EditPlan } from './edit-plan.js'
import { planAddPermission } from './fixes/add-permission.js'
import { planAddRetry } from './fixes/add-retry.js'
import { planFreeDisk } from './fixes/free-disk.js'
import { planMoveToolchainVersion } from './fixes/move-toolchain-version.js'
import { planNodeHeap } from './fixes/node-heap.js'
import { planRaiseTimeout, DEFAULT_JOB_TIMEOUT_MINUTES } from './fixes/raise-timeout.js'
import { planUpgradeAction } from './fixes/upgrade-action.js'
import { changedLines, unifiedPatch } from './patch.js'
import { fixRisk } from './risk.js'
import { applyTextEdits } from './source-edit.js'
import type { FixRefusal, PlanFixInput, PlannedFix } from './types.js'
import { verifyEdit } from './verify-edit.js'
import { parseWorkflow } from './workflow-doc.js'
import type { Workflow } from './workflow-doc.js'
import { workflowPathProblem } from './workflow-path.js'

/**
 * Turns a fix intent into an exact, verified edit of the run's workflow file, or says why not.
 * Pure: the caller supplies the file text and the API facts.
 */
export function planFix(input: PlanFixInput): PlannedFix | FixRefusal {
  const pathProblem = workflowPathProblem(input.workflowPath)
  if (pathProblem) return { code: 'invalid-path', refused: pathProblem }
  const workflow = parseWorkflow(input.workflowText)
  if ('error' in workflow) return { code: 'unparseable', refused: workflow.error }

  const plan = recipe(workflow, input)
  if ('refused' in plan) return plan

  const before = input.workflowText
  const after = applyTextEdits(before, plan.edits)
  if (after === before) return { code: 'nothing-to-change', refused: 'Nothing to change: the edit leaves the workflow as it is.' }
  const problem = verifyEdit(workflow, after, plan.expect)
  if (problem) return { code: 'shape-changed', refused: problem }

  const lines = changedLines(input.workflowPath, before, after)
  return {
    kind: input.intent.kind,
    origin: 'catalog',
    path: input.workflowPath,
    before,
    after,
    patch: unifiedPatch(input.workflowPath, before, after),
    title: plan.title,
    description: plan.description,
    risk: fixRisk({ ...plan.risk, changedLines: Math.max(lines.before.length, lines.after.length) }),
    rollback: plan.rollback,
    changedLines: lines,
    permissionGrant: plan.permissionGrant ?? null
  }
}

function recipe(workflow: Workflow, input: PlanFixInput): EditPlan | FixRefusal {
  const intent = input.intent
  switch (intent.kind) {
    case 'upgrade-action':
      return planUpgradeAction(workflow, intent, input.workflowPath.split('/').pop()!)
    case 'raise-timeout':
      return planRaiseTimeout(workflow, intent, input.jobName, input.maxTimeoutMinutes ?? DEFAULT_JOB_TIMEOUT_MINUTES)
    case 'add-retry':
      return planAddRetry(workflow, intent, input)
    case 'node-heap':
      return planNodeHeap(workflow, intent, input)
    case 'free-disk':
      return planFreeDisk(workflow, intent, input)
    case 'move-toolchain-version':
      return planMoveToolchainVersion(workflow, intent, input)
    case 'add-permission':
      return planAddPermission(workflow, intent, input)
    case 'proposed-diff':
      // Not a recipe: a proposed diff is applied and checked by judgeProposedDiff.
      return { code: 'not-in-catalog', refused: 'A proposed diff is not a catalog fix; it is judged as the diff it is.' }
  }
}
