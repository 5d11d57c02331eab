// The simulator's Actions API: runs, attempts, paginated jobs, logs and artifacts on a second
// host, re-runs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubSim } from './github/index.ts'
import type { GitHubSim } from './github/index.ts'
import { GITHUB_TOKEN, REPO, octokit, rejection, repoParams, seedFiles } from './github-support.ts'
import type { Octokit } from './github-support.ts'

let sim: GitHubSim
let gh: Octokit
let scratch: string

beforeAll(async () => {
  sim = await startGitHubSim({ repos: [{ owner: 'acme', name: 'widgets', files: seedFiles() }] })
  gh = octokit(sim, GITHUB_TOKEN)
  scratch = await mkdtemp(path.join(tmpdir(), 'github-sim-test-'))
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  await rm(scratch, { recursive: true, force: true })
  expect(violations).toEqual([])
})

const LOG = '2024-05-01T10:00:00.0000000Z ##[group]Run npm test\n2024-05-01T10:00:01.0000000Z ##[error]Process completed with exit code 1.\n'

describe('workflow runs', () => {
  it('serves a seeded run, its workflow and its jobs', async () => {
    const seeded = await sim.addRun(REPO, {
      workflowPath: '.github/workflows/ci.yml',
      jobs: [
        { name: 'test', log: LOG, steps: [{ name: 'Set up job', conclusion: 'success' }, { name: 'Run npm test', conclusion: 'failure' }] },
        { name: 'lint', conclusion: 'success', log: 'ok\n' }
      ]
    })
    const run = (await gh.rest.actions.getWorkflowRun({ ...repoParams, run_id: seeded.id })).data
    expect(run).toMatchObject({ id: seeded.id, status: 'completed', conclusion: 'failure', run_attempt: 1, path: '.github/workflows/ci.yml', head_branch: 'main' })
    expect(run.head_sha).toBe((await gh.rest.git.getRef({ ...repoParams, ref: 'heads/main' })).data.object.sha)
    const workflow = (await gh.rest.actions.getWorkflow({ ...repoParams, workflow_id: 'ci.yml' })).data
    expect(workflow.id).toBe(run.workflow_id)
    // named by the workflow file's `name:`, like on GitHub
    expect([run.name, workflow.name]).toEqual(['CI', 'CI'])

    const jobs = (await gh.rest.actions.listJobsForWorkflowRun({ ...repoParams, run_id: seeded.id })).data
    expect(jobs.jobs.map((j) => [j.name, j.conclusion])).toEqual([
      ['test', 'failure'],
      ['lint', 'success']
    ])
    expect(jobs.jobs[0].steps?.map((s) => [s.number, s.name, s.conclusion])).toEqual([
      [1, 'Set up job', 'success'],
      [2, 'Run npm test', 'failure']
    ])
  })

  it('filters repository and workflow runs by branch, status and head sha', async () => {
    const sha = await sim.commit(REPO, { branch: 'feature', files: { 'src/a.ts': 'a\n' } })
    const onFeature = await sim.addRun(REPO, { headBranch: 'feature', conclusion: 'success', jobs: [] })
    const byBranch = (await gh.rest.actions.listWorkflowRunsForRepo({ ...repoParams, branch: 'feature' })).data
    expect(byBranch.workflow_runs.map((r) => r.id)).toEqual([onFeature.id])
    const bySha = (await gh.rest.actions.listWorkflowRuns({ ...repoParams, workflow_id: 'ci.yml', head_sha: sha })).data
    expect(bySha.total_count).toBe(1)
    const failures = (await gh.rest.actions.listWorkflowRunsForRepo({ ...repoParams, status: 'failure' })).data
    expect(failures.workflow_runs.every((r) => r.conclusion === 'failure')).toBe(true)
    expect(failures.workflow_runs.some((r) => r.id === onFeature.id)).toBe(false)
  })

  it('moves a run into the past, and filters by creation time with the search syntax', async () => {
    await sim.commit(REPO, { branch: 'dated', files: { 'dated.txt': 'd\n' } })
    const older = await sim.addRun(REPO, { headBranch: 'dated', conclusion: 'success', jobs: [{ name: 'test', conclusion: 'success', log: 'ok\n' }] })
    const newer = await sim.addRun(REPO, { headBranch: 'dated', conclusion: 'success', jobs: [] })
    sim.backdateRun(REPO, older.id, 5)
    sim.backdateRun(REPO, newer.id, 1)
    const run = (await gh.rest.actions.getWorkflowRun({ ...repoParams, run_id: older.id })).data
    const hoursAgo = (iso: string) => Math.round((Date.now() - Date.parse(iso)) / 3_600_000)
    expect([hoursAgo(run.created_at), hoursAgo(run.updated_at), hoursAgo(run.run_started_at as string)]).toEqual([5, 5, 5])
    const job = (await gh.rest.actions.listJobsForWorkflowRun({ ...repoParams, run_id: older.id })).data.jobs[0]!
    expect(hoursAgo(job.completed_at as string)).toBe(5)

    const list = async (created: string) =>
      (await gh.rest.actions.listWorkflowRuns({ ...repoParams, workflow_id: 'ci.yml', branch: 'dated', created })).data.workflow_runs.map((r) => r.id)
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 19) + 'Z'
    expect(await list(`>=${threeHoursAgo}`)).toEqual([newer.id])
    expect(await list(`<${threeHoursAgo}`)).toEqual([older.id])
    expect(await list(`${run.created_at}..*`)).toEqual([newer.id, older.id])
    expect(await list(`*..${run.created_at}`)).toEqual([older.id])
    expect(await list('>=2099-01-01')).toEqual([])
    // words are not the search syntax: the contract check catches them
    const seeded = await sim.addRun(REPO, { headBranch: 'dated', conclusion: 'success', at: '2026-01-02T03:04:05Z', jobs: [] })
    expect((await gh.rest.actions.getWorkflowRun({ ...repoParams, run_id: seeded.id })).data).toMatchObject({ created_at: '2026-01-02T03:04:05Z', updated_at: '2026-01-02T03:04:05Z' })
    expect(await list('2026-01-02')).toEqual([seeded.id])
    expect(await list('<2026-01-02T03:04:05Z')).toEqual([])
    expect((await rejection(list('last week'))).status).toBe(422)
    expect(sim.violations.pop()).toMatchObject({ operationId: 'actions/list-workflow-runs', errors: [{ instancePath: '/query/created' }] })
  })

  it('pages job lists with per_page, page and a Link header', async () => {
    const seeded = await sim.addRun(REPO, { jobs: Array.from({ length: 120 }, (_, i) => ({ name: `shard ${i}`, conclusion: 'success' as const })) })
    const first = await gh.rest.actions.listJobsForWorkflowRun({ ...repoParams, run_id: seeded.id, per_page: 50 })
    expect(first.data.total_count).toBe(120)
    expect(first.data.jobs).toHaveLength(50)
    expect(first.headers.link).toContain('page=2')
    expect(first.headers.link).toContain('rel="next"')
    expect(first.headers.link).toContain('rel="last"')
    const last = await gh.rest.actions.listJobsForWorkflowRun({ ...repoParams, run_id: seeded.id, per_page: 50, page: 3 })
    expect(last.data.jobs.map((j) => j.name)).toEqual(Array.from({ length: 20 }, (_, i) => `shard ${i + 100}`))
    expect(last.headers.link).toContain('rel="prev"')
    expect(last.headers.link).not.toContain('rel="next"')

    const all = await gh.paginate(gh.rest.actions.listJobsForWorkflowRun, { ...repoParams, run_id: seeded.id, per_page: 50 })
    expect(all.map((j) => j.name)).toEqual(Array.from({ length: 120 }, (_, i) => `shard ${i}`))
  })
})

describe('logs and artifacts', () => {
  it('redirects a job log to the storage host, which never sees the Authorization header', async () => {
    const seeded = await sim.addRun(REPO, { jobs: [{ name: 'test', log: LOG }] })
    const jobId = seeded.jobs[0].id

    const raw = await fetch(`${sim.apiUrl}/repos/${REPO}/actions/jobs/${jobId}/logs`, {
      headers: { authorization: `Bearer ${GITHUB_TOKEN}` },
      redirect: 'manual'
    })
    expect(raw.status).toBe(302)
    const location = new URL(raw.headers.get('location') as string)
    expect(location.origin).toBe(sim.blobUrl)
    expect(location.port).not.toBe(new URL(sim.apiUrl).port)

    const before = sim.blobRequests.length
    const log = await gh.rest.actions.downloadJobLogsForWorkflowRun({ ...repoParams, job_id: jobId })
    expect(log.data).toBe(LOG)
    expect(log.url.startsWith(sim.blobUrl)).toBe(true)
    const reached = sim.blobRequests.slice(before)
    expect(reached).toEqual([expect.objectContaining({ kind: 'job-log', id: jobId, status: 200, authorizationSeen: false })])

    // the flag does notice a header when one arrives
    await fetch(location, { headers: { authorization: `Bearer ${GITHUB_TOKEN}` } })
    expect(sim.blobRequests.at(-1)?.authorizationSeen).toBe(true)
  })

  it('streams a log given as a file', async () => {
    const file = path.join(scratch, 'big.log')
    const line = '2024-05-01T10:00:00.0000000Z building module 0123456789abcdef\n'
    const lines = 100_000
    await writeFile(file, line.repeat(lines))
    const seeded = await sim.addRun(REPO, { jobs: [{ name: 'big', log: { file } }] })
    const response = await fetch(`${sim.apiUrl}/repos/${REPO}/actions/jobs/${seeded.jobs[0].id}/logs`, {
      headers: { authorization: `Bearer ${GITHUB_TOKEN}` }
    })
    expect(response.headers.get('content-length')).toBe(String(line.length * lines))
    expect((await response.text()).length).toBe(line.length * lines)
  })

  it('answers 404 for a job without a log', async () => {
    const seeded = await sim.addRun(REPO, { jobs: [{ name: 'queued', status: 'queued' }] })
    expect((await rejection(gh.rest.actions.downloadJobLogsForWorkflowRun({ ...repoParams, job_id: seeded.jobs[0].id }))).status).toBe(404)
  })

  it('lists artifacts and redirects their download to the zip bytes', async () => {
    const zip = Buffer.from('PK\x03\x04 not really a zip, but bytes')
    const seeded = await sim.addRun(REPO, { jobs: [], artifacts: [{ name: 'junit', zip }, { name: 'old', zip, expired: true }] })
    const listed = (await gh.rest.actions.listWorkflowRunArtifacts({ ...repoParams, run_id: seeded.id })).data
    expect(listed.artifacts.map((a) => [a.name, a.size_in_bytes, a.expired])).toEqual([
      ['junit', zip.length, false],
      ['old', zip.length, true]
    ])
    const download = await gh.rest.actions.downloadArtifact({ ...repoParams, artifact_id: seeded.artifacts[0].id, archive_format: 'zip' })
    expect(Buffer.from(download.data as ArrayBuffer)).toEqual(zip)
    expect(sim.blobRequests.at(-1)).toMatchObject({ kind: 'artifact', authorizationSeen: false })
    const expired = await rejection(gh.rest.actions.downloadArtifact({ ...repoParams, artifact_id: seeded.artifacts[1].id, archive_format: 'zip' }))
    expect(expired.status).toBe(410)
  })

  it('refuses expired and already used links', async () => {
    const shortLived = await startGitHubSim({
      repos: [{ owner: 'acme', name: 'widgets', files: seedFiles() }],
      downloadLinkTtlMs: 200,
      oneShotDownloadLinks: true
    })
    try {
      const seeded = await shortLived.addRun(REPO, { jobs: [{ name: 'test', log: LOG }] })
      const locate = async () =>
        (
          await fetch(`${shortLived.apiUrl}/repos/${REPO}/actions/jobs/${seeded.jobs[0].id}/logs`, {
            headers: { authorization: `Bearer ${GITHUB_TOKEN}` },
            redirect: 'manual'
          })
        ).headers.get('location') as string
      const once = await locate()
      expect((await fetch(once)).status).toBe(200)
      expect((await fetch(once)).status).toBe(403)
      const stale = await locate()
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect((await fetch(stale)).status).toBe(403)
      expect(shortLived.violations).toEqual([])
    } finally {
      await shortLived.close()
    }
  })
})

describe('re-runs', () => {
  it('re-runs the failed jobs as a new attempt and records it', async () => {
    const seeded = await sim.addRun(REPO, { jobs: [{ name: 'flaky', log: LOG }, { name: 'lint', conclusion: 'success', log: 'ok\n' }] })
    const rerun = await gh.rest.actions.reRunWorkflowFailedJobs({ ...repoParams, run_id: seeded.id, enable_debug_logging: true })
    expect(rerun.status).toBe(201)
    expect(sim.reruns.at(-1)).toEqual({
      repo: REPO,
      runId: seeded.id,
      jobId: null,
      enableDebugLogging: true,
      attempt: 2,
      login: 'github-actions[bot]'
    })

    const run = (await gh.rest.actions.getWorkflowRun({ ...repoParams, run_id: seeded.id })).data
    expect(run).toMatchObject({ run_attempt: 2, status: 'queued', conclusion: null })
    expect(run.previous_attempt_url).toContain(`/runs/${seeded.id}/attempts/1`)
    const first = (await gh.rest.actions.getWorkflowRunAttempt({ ...repoParams, run_id: seeded.id, attempt_number: 1 })).data
    expect(first).toMatchObject({ run_attempt: 1, conclusion: 'failure' })
    // an earlier attempt keeps the time it last changed; the run's moves on with the new attempt
    sim.backdateRun(REPO, seeded.id, 1)
    const firstAgain = (await gh.rest.actions.getWorkflowRunAttempt({ ...repoParams, run_id: seeded.id, attempt_number: 1 })).data
    expect(Date.parse(firstAgain.updated_at)).toBeLessThan(Date.now() - 3_000_000)

    // latest: the re-run job plus the job that carried over; all: every execution
    const latest = (await gh.rest.actions.listJobsForWorkflowRun({ ...repoParams, run_id: seeded.id })).data.jobs
    expect(latest.map((j) => [j.name, j.run_attempt, j.status])).toEqual([
      ['lint', 1, 'completed'],
      ['flaky', 2, 'queued']
    ])
    const all = (await gh.rest.actions.listJobsForWorkflowRun({ ...repoParams, run_id: seeded.id, filter: 'all' })).data
    expect(all.total_count).toBe(3)

    sim.finishAttempt(REPO, seeded.id, { conclusion: 'success', logs: { flaky: 'passed\n' } })
    const done = (await gh.rest.actions.getWorkflowRun({ ...repoParams, run_id: seeded.id })).data
    expect(done).toMatchObject({ run_attempt: 2, status: 'completed', conclusion: 'success' })
    expect(Date.parse(done.updated_at)).toBeGreaterThan(Date.now() - 60_000)
    const firstAfter = (await gh.rest.actions.getWorkflowRunAttempt({ ...repoParams, run_id: seeded.id, attempt_number: 1 })).data
    expect(firstAfter.updated_at).toBe(firstAgain.updated_at)
    const second = (await gh.rest.actions.listJobsForWorkflowRunAttempt({ ...repoParams, run_id: seeded.id, attempt_number: 2 })).data
    const flaky = second.jobs.find((j) => j.name === 'flaky')
    expect(flaky?.conclusion).toBe('success')
    expect((await gh.rest.actions.downloadJobLogsForWorkflowRun({ ...repoParams, job_id: flaky?.id as number })).data).toBe('passed\n')
  })

  it('re-runs a single job, and refuses while an attempt is running', async () => {
    const seeded = await sim.addRun(REPO, { jobs: [{ name: 'a', log: LOG }, { name: 'b', log: LOG }] })
    await gh.rest.actions.reRunJobForWorkflowRun({ ...repoParams, job_id: seeded.jobs[1].id })
    expect(sim.reruns.at(-1)).toMatchObject({ runId: seeded.id, jobId: seeded.jobs[1].id, attempt: 2 })
    const latest = (await gh.rest.actions.listJobsForWorkflowRun({ ...repoParams, run_id: seeded.id })).data.jobs
    expect(latest.map((j) => [j.name, j.run_attempt])).toEqual([
      ['a', 1],
      ['b', 2]
    ])
    const busy = await rejection(gh.rest.actions.reRunWorkflowFailedJobs({ ...repoParams, run_id: seeded.id }))
    expect(busy.status).toBe(403)
  })
})

describe('caches', () => {
  it('deletes caches by key', async () => {
    sim.addCache(REPO, { key: 'npm-abc', ref: 'refs/heads/main' })
    sim.addCache(REPO, { key: 'npm-def', ref: 'refs/heads/main' })
    const deleted = await gh.rest.actions.deleteActionsCacheByKey({ ...repoParams, key: 'npm-abc' })
    expect(deleted.data.actions_caches.map((c) => c.key)).toEqual(['npm-abc'])
    expect(sim.caches(REPO)).toEqual([{ key: 'npm-def', ref: 'refs/heads/main' }])
    expect((await rejection(gh.rest.actions.deleteActionsCacheByKey({ ...repoParams, key: 'npm-abc' }))).status).toBe(404)
  })
})
