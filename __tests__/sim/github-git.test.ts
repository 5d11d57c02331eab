// The simulator's git data and contents APIs write a real git repository.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubSim } from './github/index.ts'
import type { GitHubSim } from './github/index.ts'
import { APP_TOKEN, GITHUB_TOKEN, REPO, git, octokit, rejection, repoParams, seedFiles } from './github-support.ts'
import type { Octokit } from './github-support.ts'

let sim: GitHubSim
let gh: Octokit

beforeAll(async () => {
  sim = await startGitHubSim({ repos: [{ owner: 'acme', name: 'widgets', files: seedFiles() }] })
  gh = octokit(sim, GITHUB_TOKEN)
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

async function tip(branch: string): Promise<{ sha: string; tree: string }> {
  const ref = await gh.rest.git.getRef({ ...repoParams, ref: `heads/${branch}` })
  const commit = await gh.rest.git.getCommit({ ...repoParams, commit_sha: ref.data.object.sha })
  return { sha: ref.data.object.sha, tree: commit.data.tree.sha }
}

describe('a commit built through blobs, tree, commit and ref', () => {
  it('is in the bare repository, with the ids git computes', async () => {
    const base = await tip('main')
    const text = '{ "ok": true }\n'
    const blob = await gh.rest.git.createBlob({ ...repoParams, content: text, encoding: 'utf-8' })
    expect(blob.status).toBe(201)
    const hashed = await new Promise<string>((resolve, reject) => {
      const child = execFile('git', ['hash-object', '--stdin'], (error, stdout) => (error ? reject(error) : resolve(stdout.trim())))
      child.stdin?.end(text)
    })
    expect(blob.data.sha).toBe(hashed)

    const tree = await gh.rest.git.createTree({
      ...repoParams,
      base_tree: base.tree,
      tree: [{ path: 'state/runs/a/b.json', mode: '100644', type: 'blob', sha: blob.data.sha }]
    })
    const commit = await gh.rest.git.createCommit({ ...repoParams, message: 'Record run a', tree: tree.data.sha, parents: [base.sha] })
    const updated = await gh.rest.git.updateRef({ ...repoParams, ref: 'heads/main', sha: commit.data.sha, force: false })

    expect(updated.data.object.sha).toBe(commit.data.sha)
    expect(await git(sim, 'log', '-1', '--format=%H %s', 'main')).toBe(`${commit.data.sha} Record run a`)
    expect(await git(sim, 'show', 'main:state/runs/a/b.json')).toBe(text.trim())
    // base_tree kept everything else
    expect(await git(sim, 'ls-tree', '-r', '--name-only', 'main')).toBe(
      ['.github/workflows/ci.yml', 'README.md', 'package.json', 'state/runs/a/b.json'].join('\n')
    )
    // the author defaults to the token's identity
    expect(await git(sim, 'log', '-1', '--format=%an <%ae>', 'main')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
    )
    expect(await git(sim, 'fsck', '--strict')).toBe('')
  })

  it('stores base64 blobs byte for byte', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 10])
    const blob = await gh.rest.git.createBlob({ ...repoParams, content: bytes.toString('base64'), encoding: 'base64' })
    const read = await gh.rest.git.getBlob({ ...repoParams, file_sha: blob.data.sha })
    expect(Buffer.from(read.data.content, 'base64')).toEqual(bytes)
    expect(read.data.size).toBe(bytes.length)
  })

  it('creates an orphan commit and a new branch for it', async () => {
    const tree = await gh.rest.git.createTree({ ...repoParams, tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: 'state\n' }] })
    const commit = await gh.rest.git.createCommit({ ...repoParams, message: 'Start state', tree: tree.data.sha, parents: [] })
    const created = await gh.rest.git.createRef({ ...repoParams, ref: 'refs/heads/ci-monitor-state', sha: commit.data.sha })
    expect(created.status).toBe(201)
    expect(await git(sim, 'rev-list', '--count', 'ci-monitor-state')).toBe('1')
    expect(await git(sim, 'ls-tree', '--name-only', 'ci-monitor-state')).toBe('README.md')

    const again = await rejection(gh.rest.git.createRef({ ...repoParams, ref: 'refs/heads/ci-monitor-state', sha: commit.data.sha }))
    expect(again.status).toBe(422)
    expect(again.message).toContain('Reference already exists')
  })
})

describe('trees', () => {
  it('deletes with sha null, writes inline content, and drops emptied directories', async () => {
    const base = await tip('main')
    const tree = await gh.rest.git.createTree({
      ...repoParams,
      base_tree: base.tree,
      tree: [
        { path: 'state/runs/a/b.json', mode: '100644', type: 'blob', sha: null },
        { path: 'docs/notes.md', mode: '100644', type: 'blob', content: 'notes\n' }
      ]
    })
    const paths = (await gh.rest.git.getTree({ ...repoParams, tree_sha: tree.data.sha, recursive: 'true' })).data.tree.map((e) => e.path)
    expect(paths).toEqual(['.github', '.github/workflows', '.github/workflows/ci.yml', 'README.md', 'docs', 'docs/notes.md', 'package.json'])
  })

  it('refuses what GitHub refuses', async () => {
    const base = await tip('main')
    const missing = await rejection(
      gh.rest.git.createTree({ ...repoParams, base_tree: base.tree, tree: [{ path: 'nope.txt', mode: '100644', type: 'blob', sha: null }] })
    )
    expect(missing.status).toBe(422)
    const both = await rejection(
      gh.rest.git.createTree({
        ...repoParams,
        tree: [{ path: 'x', mode: '100644', type: 'blob', sha: 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391', content: 'x' }]
      })
    )
    expect(both.status).toBe(422)
    const badBase = await rejection(gh.rest.git.createTree({ ...repoParams, base_tree: base.sha, tree: [{ path: 'x', content: 'x' }] }))
    expect(badBase.message).toContain('base_tree is not a valid tree oid')
  })

  it('lists one level without recursive and resolves a branch name', async () => {
    const top = await gh.rest.git.getTree({ ...repoParams, tree_sha: 'main' })
    expect(top.data.tree.map((e) => `${e.type} ${e.path}`)).toEqual(['tree .github', 'blob README.md', 'blob package.json', 'tree state'])
  })
})

describe('refs', () => {
  it('refuses a non-fast-forward update unless forced', async () => {
    const base = await tip('main')
    await gh.rest.git.createRef({ ...repoParams, ref: 'refs/heads/feature/x', sha: base.sha })
    const side = await gh.rest.git.createCommit({ ...repoParams, message: 'unrelated', tree: base.tree, parents: [] })

    const refused = await rejection(gh.rest.git.updateRef({ ...repoParams, ref: 'heads/feature/x', sha: side.data.sha, force: false }))
    expect(refused.status).toBe(422)
    expect((refused.response.data as { message: string }).message).toBe('Update is not a fast forward')
    expect(await git(sim, 'rev-parse', 'feature/x')).toBe(base.sha)

    const forced = await gh.rest.git.updateRef({ ...repoParams, ref: 'heads/feature/x', sha: side.data.sha, force: true })
    expect(forced.data.object.sha).toBe(side.data.sha)
    expect(await git(sim, 'rev-parse', 'feature/x')).toBe(side.data.sha)
  })

  it('lists matching refs, deletes, and answers 404/422 for missing ones', async () => {
    const matching = await gh.rest.git.listMatchingRefs({ ...repoParams, ref: 'heads/feature' })
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/feature/x'])
    expect((await gh.rest.git.listMatchingRefs({ ...repoParams, ref: 'heads/nothing' })).data).toEqual([])

    expect((await gh.rest.git.deleteRef({ ...repoParams, ref: 'heads/feature/x' })).status).toBe(204)
    expect((await rejection(gh.rest.git.getRef({ ...repoParams, ref: 'heads/feature/x' }))).status).toBe(404)
    const gone = await rejection(gh.rest.git.updateRef({ ...repoParams, ref: 'heads/feature/x', sha: (await tip('main')).sha }))
    expect(gone.status).toBe(422)
    expect(gone.message).toContain('Reference does not exist')
  })

  it('lands every one of 20 concurrent optimistic appends', async () => {
    const branch = 'heads/ci-monitor-state'
    const writers = 20
    // Every writer reads the same tip before any of them writes, so the race is certain.
    let ready = 0
    let release: () => void = () => undefined
    const allRead = new Promise<void>((resolve) => (release = resolve))
    const clients = Array.from({ length: writers }, () => octokit(sim, APP_TOKEN))

    async function append(client: Octokit, i: number): Promise<number> {
      for (let attempt = 0; ; attempt++) {
        const ref = await client.rest.git.getRef({ ...repoParams, ref: branch })
        if (attempt === 0 && ++ready === writers) release()
        if (attempt === 0) await allRead
        const parent = await client.rest.git.getCommit({ ...repoParams, commit_sha: ref.data.object.sha })
        const tree = await client.rest.git.createTree({
          ...repoParams,
          base_tree: parent.data.tree.sha,
          tree: [{ path: `audit/${i}.json`, mode: '100644', type: 'blob', content: JSON.stringify({ writer: i }) }]
        })
        const commit = await client.rest.git.createCommit({ ...repoParams, message: `audit ${i}`, tree: tree.data.sha, parents: [ref.data.object.sha] })
        try {
          await client.rest.git.updateRef({ ...repoParams, ref: branch, sha: commit.data.sha, force: false })
          return attempt
        } catch (error) {
          if ((error as { status?: number }).status !== 422 || attempt > 100) throw error
        }
      }
    }

    const retries = await Promise.all(clients.map((client, i) => append(client, i)))
    expect(retries.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(writers - 1)
    expect(await git(sim, 'rev-list', '--count', 'ci-monitor-state')).toBe(String(writers + 1))
    const files = (await git(sim, 'ls-tree', '--name-only', 'ci-monitor-state', 'audit/')).split('\n')
    expect(files.sort()).toEqual(Array.from({ length: writers }, (_, i) => `audit/${i}.json`).sort())
    // a straight line: each commit's parent is the previous tip
    expect(await git(sim, 'rev-list', '--merges', '--count', 'ci-monitor-state')).toBe('0')
  })
})

describe('contents', () => {
  it('returns a file as base64 with its blob id, a directory as a list, and 404 when missing', async () => {
    const file = await gh.rest.repos.getContent({ ...repoParams, path: '.github/workflows/ci.yml', ref: 'main' })
    const data = file.data as { content: string; sha: string; encoding: string }
    expect(data.encoding).toBe('base64')
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toContain('runs-on: ubuntu-latest')
    expect(data.sha).toBe(await git(sim, 'rev-parse', 'main:.github/workflows/ci.yml'))

    const dir = await gh.rest.repos.getContent({ ...repoParams, path: '.github' })
    expect((dir.data as Array<{ path: string; type: string }>).map((e) => `${e.type} ${e.path}`)).toEqual(['dir .github/workflows'])

    expect((await rejection(gh.rest.repos.getContent({ ...repoParams, path: 'missing.txt' }))).status).toBe(404)
    expect((await rejection(gh.rest.repos.getContent({ ...repoParams, path: 'README.md', ref: 'no-such-branch' }))).status).toBe(404)
  })

  it('creates and updates a file as a commit, refusing a stale sha with 409', async () => {
    const create = await gh.rest.repos.createOrUpdateFileContents({
      ...repoParams,
      path: 'docs/status.md',
      message: 'Add status',
      content: Buffer.from('v1\n').toString('base64')
    })
    expect(create.status).toBe(201)
    const first = create.data.content?.sha as string
    const update = await gh.rest.repos.createOrUpdateFileContents({
      ...repoParams,
      path: 'docs/status.md',
      message: 'Update status',
      content: Buffer.from('v2\n').toString('base64'),
      sha: first
    })
    expect(update.status).toBe(200)
    expect(await git(sim, 'show', 'main:docs/status.md')).toBe('v2')
    expect(await git(sim, 'log', '-2', '--format=%s', 'main')).toBe('Update status\nAdd status')

    const stale = await rejection(
      gh.rest.repos.createOrUpdateFileContents({ ...repoParams, path: 'docs/status.md', message: 'x', content: 'eA==', sha: first })
    )
    expect(stale.status).toBe(409)
  })
})

describe('repository', () => {
  it('describes the repository and its branches', async () => {
    const repo = await gh.rest.repos.get(repoParams)
    expect(repo.data.full_name).toBe(REPO)
    expect(repo.data.default_branch).toBe('main')
    const branch = await gh.rest.repos.getBranch({ ...repoParams, branch: 'main' })
    expect(branch.data.commit.sha).toBe(await git(sim, 'rev-parse', 'main'))
  })

  it('lets tests add commits and branches', async () => {
    const sha = await sim.commit(REPO, { branch: 'topic', files: { 'src/a.ts': 'export const a = 1\n', 'README.md': null } })
    expect(await git(sim, 'rev-parse', 'topic')).toBe(sha)
    expect(await git(sim, 'rev-parse', 'topic^')).toBe(await git(sim, 'rev-parse', 'main'))
    expect(await git(sim, 'diff', '--name-status', 'main', 'topic')).toBe('D\tREADME.md\nA\tsrc/a.ts')
  })
})

describe('repository archive (zipball)', () => {
  /** `unzip <options> a.zip <members>` on the bytes given. */
  const unzip = async (zip: Buffer, options: string[], members: string[] = []): Promise<string> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'zipball-test-'))
    try {
      await writeFile(path.join(dir, 'a.zip'), zip)
      return (await promisify(execFile)('unzip', [...options, path.join(dir, 'a.zip'), ...members], { encoding: 'utf8' })).stdout
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  it('redirects to the storage host, which serves git archive of the ref under <owner>-<repo>-<sha7>/', async () => {
    await sim.commit(REPO, { branch: 'state/x', files: { 'runs/1/attempt-1.json': '{"a":1}\n', 'index.html': '<p>hi</p>\n' }, from: 'main' })
    const sha = await git(sim, 'rev-parse', 'state/x')
    // GitHub takes the ref raw or percent-encoded, slashes included
    const raw = await fetch(`${sim.apiUrl}/repos/${REPO}/zipball/state/x`, { headers: { authorization: `Bearer ${GITHUB_TOKEN}` }, redirect: 'manual' })
    expect(raw.status).toBe(302)
    expect(new URL(raw.headers.get('location') as string).origin).toBe(sim.blobUrl)

    const before = sim.blobRequests.length
    const response = await gh.rest.repos.downloadZipballArchive({ ...repoParams, ref: sha })
    const zip = Buffer.from(response.data as ArrayBuffer)
    expect(sim.blobRequests.slice(before)).toEqual([expect.objectContaining({ kind: 'zipball', status: 200, authorizationSeen: false })])
    const prefix = `acme-widgets-${sha.slice(0, 7)}/`
    const names = (await unzip(zip, ['-Z1'])).trim().split('\n')
    expect(names.every((name) => name.startsWith(prefix))).toBe(true)
    expect(names).toEqual(expect.arrayContaining([`${prefix}runs/1/attempt-1.json`, `${prefix}index.html`, `${prefix}README.md`]))
    expect(await unzip(zip, ['-p'], [`${prefix}runs/1/attempt-1.json`])).toBe('{"a":1}\n')
  })

  it('answers 404 for a ref that does not exist', async () => {
    expect((await rejection(gh.rest.repos.downloadZipballArchive({ ...repoParams, ref: 'no-such-branch' }))).status).toBe(404)
  })
})
