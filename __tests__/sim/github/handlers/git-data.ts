// Git data API: blobs, trees, commits, refs — read from and written to the bare repository.
import type { Handler, HandlerContext } from '../handler.ts'
import { ApiError, notFound, now } from '../handler.ts'
import { commitPeople } from '../identity.ts'
import { WORKFLOWS_DIR, workflowRefusal } from '../permissions.ts'
import { fullRef, isCreatableRef, resolveTreeish } from '../refs.ts'
import * as git from '../resources/git.ts'
import type { TreeChange } from '../tree-edit.ts'
import { TreeEditError, buildTree, entryAt, walkTree } from '../tree-edit.ts'

const created = (body: Record<string, unknown>, location: string) => ({
  status: 201,
  body,
  headers: { location }
})

/** Refuses a tree whose `.github/workflows` differs from its base when the token may not do that. */
async function guardWorkflows(ctx: HandlerContext, base: string | null, result: string): Promise<void> {
  if (ctx.token.workflows) return
  const store = ctx.repo.git
  const before = base === null ? null : ((await entryAt(store, base, WORKFLOWS_DIR))?.sha ?? null)
  const after = (await entryAt(store, result, WORKFLOWS_DIR))?.sha ?? null
  if (before !== after) {
    const refusal = workflowRefusal(ctx.token.kind)
    throw new ApiError(refusal.status, refusal.message)
  }
}

async function commitResponse(ctx: HandlerContext, sha: string) {
  const commit = await ctx.repo.git.readCommit(sha)
  if (!commit) throw notFound()
  return git.gitCommit(ctx.core.urls, ctx.repo, commit)
}

async function refResponse(ctx: HandlerContext, ref: string) {
  const record = await ctx.repo.git.readRef(ref)
  if (!record) throw notFound()
  return git.gitRef(ctx.core.urls, ctx.repo, record)
}

export const gitDataHandlers: Record<string, Handler> = {
  async 'git/create-blob'(ctx) {
    const body = ctx.body as { content: string; encoding?: string }
    const encoding = body.encoding ?? 'utf-8'
    if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') {
      throw new ApiError(422, `encoding must be one of utf-8, base64`)
    }
    const bytes = Buffer.from(body.content, encoding === 'base64' ? 'base64' : 'utf8')
    const sha = await ctx.repo.git.writeBlob(bytes)
    const blob = git.shortBlob(ctx.core.urls, ctx.repo, sha)
    return created(blob, blob.url as string)
  },

  async 'git/get-blob'(ctx) {
    const sha = String(ctx.params.file_sha)
    const content = await ctx.repo.git.readBlob(sha)
    if (!content) throw notFound()
    return { status: 200, body: git.blob(ctx.core.urls, ctx.repo, sha, content) }
  },

  async 'git/create-tree'(ctx) {
    const body = ctx.body as { tree: TreeChange[]; base_tree?: string }
    const base = body.base_tree ?? null
    let sha: string
    try {
      sha = await buildTree(ctx.repo.git, base, body.tree)
    } catch (error) {
      if (error instanceof TreeEditError) throw new ApiError(422, error.message)
      throw error
    }
    await guardWorkflows(ctx, base, sha)
    const entries = ((await ctx.repo.git.readTree(sha)) ?? []).map((e) => git.treeEntry(ctx.core.urls, ctx.repo, e, e.name))
    const tree = git.tree(ctx.core.urls, ctx.repo, sha, entries, false)
    return created(tree, tree.url as string)
  },

  async 'git/get-tree'(ctx) {
    const sha = await resolveTreeish(ctx.repo.git, String(ctx.params.tree_sha))
    if (!sha) throw notFound()
    // GitHub: "Setting this parameter to any value returns the objects or subtrees referenced".
    const recursive = ctx.query.recursive !== undefined
    const entries = recursive
      ? (await walkTree(ctx.repo.git, sha)).map((e) => git.treeEntry(ctx.core.urls, ctx.repo, e, e.path))
      : ((await ctx.repo.git.readTree(sha)) ?? []).map((e) => git.treeEntry(ctx.core.urls, ctx.repo, e, e.name))
    return { status: 200, body: git.tree(ctx.core.urls, ctx.repo, sha, entries, false) }
  },

  async 'git/create-commit'(ctx) {
    const body = ctx.body as {
      message: string
      tree: string
      parents?: string[]
      author?: { name?: string; email?: string; date?: string }
      committer?: { name?: string; email?: string; date?: string }
    }
    const store = ctx.repo.git
    if ((await store.objectType(body.tree)) !== 'tree') throw new ApiError(422, 'Tree SHA does not exist')
    const parents = body.parents ?? []
    for (const parent of parents) {
      if ((await store.objectType(parent)) !== 'commit') {
        throw new ApiError(422, 'Parent SHA does not exist or is not a commit object')
      }
    }
    const people = commitPeople(ctx.core.state, ctx.token, body.author, body.committer, now())
    const sha = await store.writeCommit({ tree: body.tree, parents, message: body.message, ...people })
    const commit = await commitResponse(ctx, sha)
    return created(commit, commit.url as string)
  },

  async 'git/get-commit'(ctx) {
    return { status: 200, body: await commitResponse(ctx, String(ctx.params.commit_sha)) }
  },

  async 'git/get-ref'(ctx) {
    return { status: 200, body: await refResponse(ctx, fullRef(String(ctx.params.ref))) }
  },

  async 'git/list-matching-refs'(ctx) {
    const prefix = fullRef(String(ctx.params.ref))
    const refs = (await ctx.repo.git.listRefs()).filter((r) => r.ref.startsWith(prefix))
    return { status: 200, body: refs.map((r) => git.gitRef(ctx.core.urls, ctx.repo, r)) }
  },

  async 'git/create-ref'(ctx) {
    const { ref, sha } = ctx.body as { ref: string; sha: string }
    // GitHub's wording for a malformed name is not documented; the status is.
    if (!isCreatableRef(ref)) throw new ApiError(422, 'Reference name is invalid')
    const store = ctx.repo.git
    await store.withRefLock(async () => {
      if (!(await store.objectType(sha))) throw new ApiError(422, 'Object does not exist')
      if (await store.readRef(ref)) throw new ApiError(422, 'Reference already exists')
      await store.setRef(ref, sha, null)
    })
    const body = await refResponse(ctx, ref)
    return created(body, body.url as string)
  },

  async 'git/update-ref'(ctx) {
    const { sha, force = false } = ctx.body as { sha: string; force?: boolean }
    // `{ref}` is `heads/name`; a client passing `refs/heads/name` gets "does not exist", like on
    // GitHub (github/rest-api-description#2746).
    const ref = fullRef(String(ctx.params.ref))
    const store = ctx.repo.git
    await store.withRefLock(async () => {
      const current = await store.readRef(ref)
      if (!current) throw new ApiError(422, 'Reference does not exist')
      const type = await store.objectType(sha)
      if (!type || (ref.startsWith('refs/heads/') && type !== 'commit')) throw new ApiError(422, 'Object does not exist')
      if (!force && current.sha !== sha && !(await store.isAncestor(current.sha, sha))) {
        throw new ApiError(422, 'Update is not a fast forward')
      }
      await store.setRef(ref, sha, current.sha)
    })
    return { status: 200, body: await refResponse(ctx, ref) }
  },

  async 'git/delete-ref'(ctx) {
    const ref = fullRef(String(ctx.params.ref))
    const store = ctx.repo.git
    await store.withRefLock(async () => {
      const current = await store.readRef(ref)
      if (!current) throw new ApiError(422, 'Reference does not exist')
      await store.deleteRef(ref, current.sha)
    })
    return { status: 204 }
  }
}
