// What an operation handler receives and returns, and GitHub's paging convention.
import type { BlobServer } from './blob-server.ts'
import type { Contract } from './contract.ts'
import { isoSeconds } from './git-store.ts'
import type { RepoModel, SimState } from './model.ts'
import type { Urls } from './resources/common.ts'
import type { RerunRecord, TokenSpec } from './types.ts'

/** Everything handlers share. */
export interface SimCore {
  state: SimState
  urls: Urls
  contract: Contract
  blobs: BlobServer
  reruns: RerunRecord[]
}

export interface HandlerContext {
  core: SimCore
  repo: RepoModel
  token: TokenSpec
  /** Path parameters, decoded and coerced to the description's types. */
  params: Record<string, unknown>
  /** Query parameters, coerced to the description's types. */
  query: Record<string, unknown>
  /** The JSON body, already checked against the description. */
  body: unknown
  /** The request URL, rebased on the simulator's API URL (for Link headers). */
  url: URL
}

export interface HandlerResult {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (ctx: HandlerContext) => Promise<HandlerResult>

/** An answer GitHub gives instead of the resource: `message` becomes the error body's message. */
export class ApiError extends Error {
  readonly status: number
  readonly errors: unknown[] | undefined
  readonly headers: Record<string, string>
  constructor(status: number, message: string, options: { errors?: unknown[]; headers?: Record<string, string> } = {}) {
    super(message)
    this.status = status
    this.errors = options.errors
    this.headers = options.headers ?? {}
  }
}

export const notFound = (): ApiError => new ApiError(404, 'Not Found')

/** 422 "Validation Failed" with one `errors` entry, the way GitHub reports a refused field. */
export const validationFailed = (error: Record<string, unknown>): ApiError =>
  new ApiError(422, 'Validation Failed', { errors: [error] })

const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100

/**
 * One page of `items` per the request's `per_page`/`page`, and the `Link` header GitHub sends
 * (`next`/`last` after, `prev`/`first` before; none when everything fits in one page).
 */
export function paginate<T>(ctx: HandlerContext, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(ctx.query.per_page ?? DEFAULT_PER_PAGE), 1), MAX_PER_PAGE)
  const page = Math.max(Number(ctx.query.page ?? 1), 1)
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1)
  const link = (n: number, rel: string): string => {
    const url = new URL(ctx.url)
    url.searchParams.set('page', String(n))
    if (ctx.query.per_page !== undefined) url.searchParams.set('per_page', String(perPage))
    return `<${url.href}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}

/** The current time in GitHub's format. */
export const now = (): string => isoSeconds(new Date())
