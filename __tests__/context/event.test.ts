import { describe, expect, it } from '@jest/globals'
import { ConfigurationError } from '../../src/context/errors.js'
import { pickJob, type EventFacts } from '../../src/context/event.js'

const OWN = 'acme/app/.github/workflows/ci-monitor.yml@refs/heads/main'

function workflowRun(run: Record<string, unknown>, action = 'completed'): EventFacts {
  return {
    eventName: 'workflow_run',
    payload: { action, workflow_run: { id: 42, path: '.github/workflows/ci.yml', conclusion: 'failure', ...run } },
    runIdInput: null,
    approvalInput: null,
    actor: 'octocat',
    ownWorkflowRef: OWN
  }
}

function comment(body: string, user: Record<string, unknown> = { login: 'maintainer', type: 'User' }, action = 'created'): EventFacts {
  return {
    eventName: 'issue_comment',
    payload: { action, issue: { number: 12 }, comment: { id: 99, body, user } },
    runIdInput: null,
    approvalInput: null,
    actor: 'maintainer',
    ownWorkflowRef: OWN
  }
}

describe('pickJob', () => {
  it.each(['failure', 'timed_out', 'startup_failure'])('analyses a completed run that concluded %s', (conclusion) => {
    expect(pickJob(workflowRun({ conclusion }))).toEqual({ kind: 'analyze-run', runId: 42, source: 'workflow_run' })
  })

  it.each(['success', 'cancelled', 'skipped', 'neutral'])('skips a run that concluded %s with a one-line reason', (conclusion) => {
    const job = pickJob(workflowRun({ conclusion }))
    expect(job).toEqual({ kind: 'skip', reason: `Run 42 concluded '${conclusion}': nothing to analyse.` })
  })

  it('notes a re-run attempt that passed (the earlier failure was flaky)', () => {
    expect(pickJob(workflowRun({ conclusion: 'success', run_attempt: 2 }))).toEqual({ kind: 'note-recovery', runId: 42, attempt: 2 })
    expect(pickJob(workflowRun({ conclusion: 'success', run_attempt: 1 })).kind).toBe('skip')
  })

  it('skips runs that are not completed', () => {
    expect(pickJob(workflowRun({}, 'requested'))).toMatchObject({ kind: 'skip' })
  })

  it("skips runs of ci-monitor's own workflow", () => {
    const job = pickJob(workflowRun({ path: '.github/workflows/ci-monitor.yml' }))
    expect(job).toMatchObject({ kind: 'skip', reason: expect.stringContaining("own workflow") })
  })

  it('re-analyses the run given by run-id on workflow_dispatch', () => {
    expect(pickJob({ eventName: 'workflow_dispatch', payload: {}, runIdInput: 7, approvalInput: null, actor: 'octocat', ownWorkflowRef: OWN })).toEqual({
      kind: 'analyze-run',
      runId: 7,
      source: 'workflow_dispatch'
    })
  })

  it('explains that workflow_dispatch needs run-id', () => {
    expect(() => pickJob({ eventName: 'workflow_dispatch', payload: {}, runIdInput: null, approvalInput: null, actor: 'octocat', ownWorkflowRef: OWN })).toThrow(ConfigurationError)
  })

  it('names the supported events for anything else, without echoing odd text', () => {
    const job = pickJob({ eventName: 'push\n::add-mask::x', payload: {}, runIdInput: null, approvalInput: null, actor: 'octocat', ownWorkflowRef: OWN })
    expect(job.kind).toBe('skip')
    if (job.kind === 'skip') {
      expect(job.reason).toContain('workflow_run (completed), workflow_dispatch')
      expect(job.reason).not.toContain('\n')
      expect(job.reason).not.toContain('::')
    }
  })

  it('skips a malformed payload instead of crashing', () => {
    expect(pickJob({ eventName: 'workflow_run', payload: { action: 'completed' }, runIdInput: null, approvalInput: null, actor: 'octocat', ownWorkflowRef: OWN }).kind).toBe('skip')
  })

  it('verifies a fix when the CI of a ci-monitor fix branch completes, whatever its conclusion', () => {
    expect(pickJob(workflowRun({ head_branch: 'ci-monitor/fix-0123456789abcdef', conclusion: 'failure' }))).toEqual({ kind: 'verify-fix', runId: 42 })
    expect(pickJob(workflowRun({ head_branch: 'ci-monitor/fix-0123456789abcdef', conclusion: 'success' }))).toEqual({ kind: 'verify-fix', runId: 42 })
    expect(pickJob(workflowRun({ head_branch: 'ci-monitor/fix-not-hex', conclusion: 'failure' })).kind).toBe('analyze-run')
  })

  it('takes /ci-monitor approve|reject from a person\'s new comment', () => {
    expect(pickJob(comment('/ci-monitor approve'))).toEqual({ kind: 'approval', number: 12, decision: 'approve', actor: 'maintainer', commentId: 99 })
    expect(pickJob(comment('  /ci-monitor reject because it is risky'))).toMatchObject({ kind: 'approval', decision: 'reject' })
    expect(pickJob(comment('LGTM, /ci-monitor approve')).kind).toBe('skip')
    expect(pickJob(comment('/ci-monitor approve', { login: 'ci-monitor[bot]', type: 'Bot' })).kind).toBe('skip')
    expect(pickJob(comment('/ci-monitor approve', { login: 'maintainer', type: 'User' }, 'edited')).kind).toBe('skip')
  })

  it('takes a dispatched approval, checked later against the dispatcher\'s permission', () => {
    const facts = { ...workflowRun({}), eventName: 'workflow_dispatch', approvalInput: { number: 5, decision: 'reject' as const }, actor: 'lead' }
    expect(pickJob(facts)).toEqual({ kind: 'approval', number: 5, decision: 'reject', actor: 'lead', commentId: null })
  })

  it('sweeps on schedule', () => {
    expect(pickJob({ ...workflowRun({}), eventName: 'schedule', payload: { schedule: '0 * * * *' } })).toEqual({ kind: 'sweep' })
  })
})
