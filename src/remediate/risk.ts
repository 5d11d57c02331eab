/**
 * Risk of a fix on a 0..10 scale, from what the fix does and how much it changes. It is computed
 * here from the plan alone; nothing a log or a model says can lower it.
 */
export type RiskInput =
  | {
      kind: 'upgrade-action'
      /** Documented behaviour changes between the old and the new majors. */
      behaviourChanges: number
      changedLines: number
    }
  | {
      kind: 'raise-timeout'
      /** Minutes added to the limit (more runner time a hung job can burn). */
      addedMinutes: number
      changedLines: number
    }

export function fixRisk(input: RiskInput): number {
  let risk: number
  if (input.kind === 'upgrade-action') {
    // A new major runs different action code even when its inputs stay the same.
    risk = 3 + (input.behaviourChanges > 0 ? 2 : 0)
  } else {
    // Only a limit moves; the cost is runner minutes, so more minutes weigh more.
    risk = 1 + (input.addedMinutes >= 60 ? 1 : 0) + (input.addedMinutes >= 180 ? 1 : 0)
  }
  if (input.changedLines > 4) risk += 1
  if (input.changedLines > 10) risk += 1
  if (input.changedLines > 30) risk += 2
  return Math.min(10, Math.max(0, risk))
}
