import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '..', '..')
const workflow = parse(readFileSync(join(root, '.github/workflows/ci-monitor.yml'), 'utf8')) as {
  on: { workflow_call: { inputs: Record<string, unknown>; secrets: Record<string, unknown> } }
  permissions: Record<string, string>
  jobs: Record<string, { if?: string; needs?: string; permissions: Record<string, string>; steps: { with: Record<string, string> }[] }>
}

describe('the reusable workflow', () => {
  it('grants nothing by default and each job only what it needs', () => {
    expect(workflow.permissions).toEqual({})
    expect(workflow.jobs.monitor!.permissions).toEqual({ actions: 'write', contents: 'write', 'pull-requests': 'write', issues: 'write' })
  })

  it('offers the privilege split: a read-only analyze job, then an act job that needs it', () => {
    const { analyze, act } = workflow.jobs
    expect(analyze!.permissions).toEqual({ actions: 'read', contents: 'read' })
    expect(analyze!.steps[0]!.with.mode).toBe('analyze')
    // The read-only job never receives a credential that can write.
    expect(Object.keys(analyze!.steps[0]!.with)).not.toEqual(expect.arrayContaining(['fix-token']))
    expect(Object.keys(analyze!.steps[0]!.with)).not.toContain('slack-bot-token')
    expect(act!.needs).toBe('analyze')
    expect(act!.steps[0]!.with.mode).toBe('act')
    expect(workflow.jobs.monitor!.if).toBe('${{ !inputs.split }}')
    expect(analyze!.if).toBe('${{ inputs.split }}')
  })

  it("passes only the action's inputs, and every input of its own reaches the job that acts", () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }
    for (const job of Object.values(workflow.jobs)) {
      for (const key of Object.keys(job.steps[0]!.with)) expect(Object.keys(action.inputs)).toContain(key)
    }
    const own = Object.keys(workflow.on.workflow_call.inputs).filter((name) => name !== 'split')
    for (const name of own) {
      expect(workflow.jobs.monitor!.steps[0]!.with[name]).toBe(`\${{ inputs.${name} }}`)
    }
    // Approval answers and the sweep are handled by the job with write permissions.
    expect(workflow.jobs.act!.steps[0]!.with['approval-id']).toBe('${{ inputs.approval-id }}')
    expect(workflow.jobs.act!.steps[0]!.with['approval-decision']).toBe('${{ inputs.approval-decision }}')
  })

  it('passes secrets explicitly, never `secrets: inherit`', () => {
    expect(Object.keys(workflow.on.workflow_call.secrets).sort()).toEqual(['fix-token', 'llm-api-key', 'slack-bot-token'])
  })
})
