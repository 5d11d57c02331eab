import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import { planFix } from '../../src/remediate/index.js'
import type { FixRefusal, PlanFixInput, PlannedFix } from '../../src/remediate/index.js'
import type { FixIntent, RetryTool } from '../../src/classify/types.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'workflows')

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

export function upgrade(action: string): FixIntent {
  return { kind: 'upgrade-action', action, fromRef: null, description: 'test intent' }
}

export function timeout(step?: string | null, observedMinutes: number | null = null): FixIntent {
  return { kind: 'raise-timeout', observedMinutes, description: 'test intent', step }
}

export function retry(tool: RetryTool, step: string | null = null): FixIntent {
  return { kind: 'add-retry', tool, step, description: 'test intent' }
}

export function heap(step: string | null = null): FixIntent {
  return { kind: 'node-heap', step, description: 'test intent' }
}

export function disk(step: string | null = null): FixIntent {
  return { kind: 'free-disk', step, description: 'test intent' }
}

export function python(version: string, image: string | null = null, step: string | null = null): FixIntent {
  return { kind: 'move-toolchain-version', tool: 'python', version, image, step, description: 'test intent' }
}

export function permission(step: string | null, acceptedPermissions: string | null = null): FixIntent {
  return { kind: 'add-permission', acceptedPermissions, step, description: 'test intent' }
}

/** A fixture with CRLF line endings. */
export function crlf(name: string): string {
  return fixture(name).replace(/\n/g, '\r\n')
}

export function plan(name: string, intent: FixIntent, jobName = '', extra: Partial<PlanFixInput> = {}): PlannedFix | FixRefusal {
  return planFix({ workflowPath: `.github/workflows/${name}`, workflowText: fixture(name), intent, jobName, ...extra })
}

export function planned(result: PlannedFix | FixRefusal): PlannedFix {
  if ('refused' in result) throw new Error(`expected a fix, got refusal (${result.code}): ${result.refused}`)
  return result
}

export function refused(result: PlannedFix | FixRefusal): FixRefusal {
  if (!('refused' in result)) throw new Error(`expected a refusal, got a fix: ${result.title}`)
  return result
}

/** The `-`/`+` lines of a patch, without the file headers. */
export function diffLines(patch: string): string[] {
  return patch.split('\n').filter((line) => /^[-+](?![-+]{2} [ab]\/)/.test(line))
}

/** Lines of `before` and `after` that differ, as [line number, before, after] (same line count). */
export function changedPairs(fix: PlannedFix): [number, string, string][] {
  const a = fix.before.split('\n')
  const b = fix.after.split('\n')
  expect(b).toHaveLength(a.length)
  return a.flatMap((line, i) => (line === b[i] ? [] : [[i + 1, line, b[i]!] as [number, string, string]]))
}
