/**
 * Risk of a fix on a 0..10 scale, from what the fix does and how much it changes. It is computed
 * here from the plan (or, for a proposed diff, from the change itself); nothing a log or a model
 * says can lower it.
 */
export type RiskInput = (
  | {
      kind: 'upgrade-action'
      /** Documented behaviour changes between the old and the new majors. */
      behaviourChanges: number
    }
  | {
      kind: 'raise-timeout'
      /** Minutes added to the limit (more runner time a hung job can burn). */
      addedMinutes: number
    }
  | {
      kind: 'add-retry'
      /** `env`: the tool's own retry setting; `wrap`: the command inside the catalog retry loop. */
      mechanism: 'env' | 'wrap'
    }
  | {
      kind: 'node-heap'
      heapMiB: number
      runnerMemoryMiB: number
    }
  | {
      kind: 'free-disk'
      /** Preinstalled toolchains the inserted step deletes. */
      removedToolchains: number
    }
  | {
      kind: 'move-toolchain-version'
      /** `pin-image`: runs-on moves to an older image; `patch-version`: X.Y.Z becomes X.Y. */
      move: 'pin-image' | 'patch-version'
    }
  | {
      kind: 'add-permission'
      level: 'read' | 'write'
      /** The job had no permissions block: declaring one sets every unlisted scope to none. */
      newBlock: boolean
    }
  | {
      kind: 'proposed-diff'
      newSteps: number
      newActions: number
      runnerChanged: boolean
    }
) & { changedLines: number }

export function fixRisk(input: RiskInput): number {
  let risk = baseRisk(input)
  if (input.changedLines > 4) risk += 1
  if (input.changedLines > 10) risk += 1
  if (input.changedLines > 30) risk += 2
  return Math.min(10, Math.max(0, risk))
}

function baseRisk(input: RiskInput): number {
  switch (input.kind) {
    case 'upgrade-action':
      // A new major runs different action code even when its inputs stay the same.
      return 3 + (input.behaviourChanges > 0 ? 2 : 0)
    case 'raise-timeout':
      // Only a limit moves; the cost is runner minutes, so more minutes weigh more.
      return 1 + (input.addedMinutes >= 60 ? 1 : 0) + (input.addedMinutes >= 180 ? 1 : 0)
    case 'add-retry':
      // A retry setting changes no command; a retry loop does, though only in a fixed form.
      return input.mechanism === 'env' ? 1 : 3
    case 'node-heap':
      // More heap than half the machine leaves little for the rest of the job (and swapping).
      return 2 + (input.heapMiB * 2 > input.runnerMemoryMiB ? 1 : 0)
    case 'free-disk':
      // A later step that needed a deleted toolchain breaks.
      return 3 + (input.removedToolchains > 3 ? 1 : 0)
    case 'move-toolchain-version':
      // An older image changes every preinstalled tool and expires; a patch move is one interpreter.
      return input.move === 'pin-image' ? 4 : 3
    case 'add-permission':
      // More power for the token; a first block also narrows what the default granted.
      return (input.level === 'write' ? 5 : 3) + (input.newBlock ? 2 : 0)
    case 'proposed-diff':
      // Model-written changes start higher than any catalog fix and rise with what they add.
      return 5 + (input.newSteps > 0 ? 2 : 0) + (input.newActions > 0 ? 2 : 0) + (input.runnerChanged ? 1 : 0)
  }
}
