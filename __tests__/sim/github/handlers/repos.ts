// Repository, branch, contents and collaborator operations.
import type { Handler, HandlerContext } from '../handler.ts'
import { ApiError, notFound, now } from '../handler.ts'
import { commitPeople } from '../identity.ts'
import { WORKFLOWS_DIR, workflowRefusal } from '../permissions.ts'
import { resolveCommitish } from '../refs.ts'
import { fullRepository, simpleUser } from '../resources/common.ts'
import * as git from '../resources/git.ts'
import { buildTree, entryAt } from '../tree-edit.ts'

/** GitHub's role → the legacy `permission` value it reports next to it. */
const LEGACY_PERMISSION: Record<string, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none'
}

async function commitOf(ctx: HandlerContext, name: string) {
  const sha = await resolveCommitish(ctx.repo.git, name)
  const commit = sha ? await ctx.repo.git.readCommit(sha) : null
  if (!commit) throw notFound()
  return commit
}

interface FileWrite {
  message: string
  content: string
  sha?: string
  branch?: string
  author?: { name?: string; email?: string; date?: string }
  committer?: { name?: string; email?: string; date?: string }
}

export const repoHandlers: Record<string, Handler> = {
  async 'repos/get'(ctx) {
    return { status: 200, body: fullRepository(ctx.core.state, ctx.core.urls, ctx.repo, ctx.token) }
  },

  async 'repos/get-branch'(ctx) {
    const name = String(ctx.params.branch)
    const ref = await ctx.repo.git.readRef(`refs/heads/${name}`)
    if (!ref) throw new ApiError(404, 'Branch not found')
    const commit = await commitOf(ctx, ref.sha)
    const self = `${ctx.core.urls.api}/repos/${ctx.repo.fullName}/branches/${encodeURIComponent(name)}`
    return {
      status: 200,
      body: {
        name,
        commit: git.restCommit(ctx.core.state, ctx.core.urls, ctx.repo, commit),
        _links: { self, html: `${ctx.core.urls.html}/${ctx.repo.fullName}/tree/${name}` },
        protected: false,
        protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
        protection_url: `${self}/protection`
      }
    }
  },

  async 'repos/get-content'(ctx) {
    const path = String(ctx.params.path).replace(/^\/+|\/+$/g, '')
    const refName = typeof ctx.query.ref === 'string' && ctx.query.ref !== '' ? ctx.query.ref : ctx.repo.defaultBranch
    const commit = await commitOf(ctx, refName)
    const entry = await entryAt(ctx.repo.git, commit.tree, path)
    if (!entry) throw notFound()
    const { urls } = ctx.core
    if (entry.type === 'tree') {
      const entries = (await ctx.repo.git.readTree(entry.sha)) ?? []
      return { status: 200, body: entries.map((e) => git.contentDirEntry(urls, ctx.repo, path, e, refName)) }
    }
    const content = await ctx.repo.git.readBlob(entry.sha)
    if (!content) throw notFound()
    return { status: 200, body: git.contentFile(urls, ctx.repo, path, entry.sha, refName, content) }
  },

  async 'repos/create-or-update-file-contents'(ctx) {
    const path = String(ctx.params.path).replace(/^\/+|\/+$/g, '')
    const body = ctx.body as FileWrite
    if (!ctx.token.workflows && (path === WORKFLOWS_DIR || path.startsWith(`${WORKFLOWS_DIR}/`))) {
      const refusal = workflowRefusal(ctx.token.kind)
      throw new ApiError(refusal.status, refusal.message)
    }
    const store = ctx.repo.git
    const branch = body.branch ?? ctx.repo.defaultBranch
    const ref = `refs/heads/${branch}`
    const { urls, state } = ctx.core
    const result = await store.withRefLock(async () => {
      const tip = await store.readRef(ref)
      if (!tip) throw new ApiError(404, `Branch ${branch} not found`)
      const parent = await store.readCommit(tip.sha)
      if (!parent) throw notFound()
      const existing = await entryAt(store, parent.tree, path)
      if (existing?.type === 'tree') throw new ApiError(422, `${path} is a directory`)
      if (existing && body.sha === undefined) throw new ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
      if (existing && body.sha !== existing.sha) throw new ApiError(409, `${path} does not match ${body.sha}`)
      const bytes = Buffer.from(body.content, 'base64')
      const blobSha = await store.writeBlob(bytes)
      const treeSha = await buildTree(store, parent.tree, [{ path, mode: '100644', type: 'blob', sha: blobSha }])
      const people = commitPeople(state, ctx.token, body.author, body.committer, now())
      const commitSha = await store.writeCommit({ tree: treeSha, parents: [tip.sha], message: body.message, ...people })
      await store.setRef(ref, commitSha, tip.sha)
      return { created: !existing, blobSha, bytes, commitSha }
    })
    const commit = await commitOf(ctx, result.commitSha)
    const file = git.contentFile(urls, ctx.repo, path, result.blobSha, branch, result.bytes)
    delete file.content
    delete file.encoding
    return {
      status: result.created ? 201 : 200,
      body: { content: file, commit: git.gitCommit(urls, ctx.repo, commit) }
    }
  },

  /**
   * GitHub's zipball: a 302 to a short-lived storage link (codeload.github.com there, the storage
   * server here) serving `git archive` of the commit, every path under `<owner>-<repo>-<short sha>/`.
   */
  async 'repos/download-zipball-archive'(ctx) {
    const sha = await resolveCommitish(ctx.repo.git, String(ctx.params.ref))
    if (!sha) throw notFound()
    const zip = await ctx.repo.git.archiveZip(sha, `${ctx.repo.owner}-${ctx.repo.name}-${sha.slice(0, 7)}/`)
    const location = ctx.core.blobs.link('zipball', ctx.repo.id, zip, 'application/zip')
    return { status: 302, headers: { location } }
  },

  async 'repos/get-collaborator-permission-level'(ctx) {
    const login = String(ctx.params.username)
    const role = login === ctx.repo.owner ? 'admin' : (ctx.repo.collaborators.get(login) ?? 'none')
    const user = ctx.core.state.user(login)
    const permission = LEGACY_PERMISSION[role] ?? 'none'
    return {
      status: 200,
      body: {
        permission,
        role_name: role,
        user: {
          ...simpleUser(ctx.core.urls, user),
          permissions: {
            admin: role === 'admin',
            maintain: role === 'admin' || role === 'maintain',
            push: permission === 'admin' || permission === 'write',
            triage: role !== 'read' && role !== 'none',
            pull: role !== 'none'
          },
          role_name: role
        }
      }
    }
  }
}
