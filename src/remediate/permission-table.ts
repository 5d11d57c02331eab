/**
 * GITHUB_TOKEN scopes a workflow may set (`permissions:` in "Workflow syntax for GitHub Actions",
 * docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions). When a
 * block lists any scope, every scope it does not list is `none` (metadata stays read). The
 * restricted default for new repositories is contents: read and packages: read.
 */
export const TOKEN_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses'
] as const

export type TokenScope = (typeof TOKEN_SCOPES)[number]
export type GrantLevel = 'read' | 'write'

/** Scopes with fewer levels than read/write: id-token is write-only, models read-only. */
const ONLY_LEVEL: Partial<Record<TokenScope, GrantLevel>> = { 'id-token': 'write', models: 'read' }

export const RESTRICTED_DEFAULT: Readonly<Partial<Record<TokenScope, GrantLevel>>> = { contents: 'read', packages: 'read' }

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value)
}

export function levelAllowed(scope: TokenScope, level: GrantLevel): boolean {
  const only = ONLY_LEVEL[scope]
  return only === undefined || only === level
}

/**
 * Scopes well-known actions need to do their job with GITHUB_TOKEN, from their READMEs'
 * "Permissions" sections. Keyed by `owner/repo[/path]` in lower case.
 */
export const ACTION_SCOPES: readonly { action: string; needs: Partial<Record<TokenScope, GrantLevel>>; source: string }[] = [
  { action: 'actions/labeler', needs: { contents: 'read', 'pull-requests': 'write' }, source: 'actions/labeler README, "Permissions"' },
  { action: 'github/codeql-action/upload-sarif', needs: { 'security-events': 'write' }, source: 'github/codeql-action README (security-events: write to upload results)' },
  { action: 'github/codeql-action/analyze', needs: { 'security-events': 'write' }, source: 'github/codeql-action README (security-events: write to upload results)' },
  { action: 'actions/stale', needs: { issues: 'write', 'pull-requests': 'write' }, source: 'actions/stale README, "Recommended permissions"' },
  { action: 'softprops/action-gh-release', needs: { contents: 'write' }, source: 'softprops/action-gh-release README, "Permissions"' },
  { action: 'dorny/test-reporter', needs: { checks: 'write' }, source: 'dorny/test-reporter README (checks: write to create the check run)' },
  { action: 'marocchino/sticky-pull-request-comment', needs: { 'pull-requests': 'write' }, source: 'marocchino/sticky-pull-request-comment README' },
  { action: 'actions/deploy-pages', needs: { pages: 'write', 'id-token': 'write' }, source: 'actions/deploy-pages README, "Usage"' },
  { action: 'peter-evans/create-pull-request', needs: { contents: 'write', 'pull-requests': 'write' }, source: 'peter-evans/create-pull-request README, "Workflow permissions"' }
]

/** Scopes an action (`owner/repo[/path]`, any case) needs, or null when it is not in the table. */
export function scopesForAction(action: string): Partial<Record<TokenScope, GrantLevel>> | null {
  const wanted = action.toLowerCase()
  return ACTION_SCOPES.find((entry) => entry.action === wanted)?.needs ?? null
}

const HEADER_SET = /^[a-z_]{2,40}=(?:read|write|admin)(?:\s*,\s*[a-z_]{2,40}=(?:read|write|admin)){0,9}$/

/**
 * Parses an `x-accepted-github-permissions` value: sets of permissions separated by `;`, each an
 * alternative way to call the endpoint (github.blog/changelog/2023-08-10). Names use `_`
 * (`pull_requests`); they are mapped to workflow scopes. Alternatives that need anything a
 * GITHUB_TOKEN cannot have (organization or admin permissions) are dropped. Null when the value
 * is not of that exact shape.
 */
export function parseAcceptedPermissions(value: string): Partial<Record<TokenScope, GrantLevel>>[] | null {
  const trimmed = value.trim()
  if (trimmed.length === 0 || trimmed.length > 400) return null
  const sets = trimmed.split(';').map((set) => set.trim())
  if (!sets.every((set) => HEADER_SET.test(set))) return null
  const usable: Partial<Record<TokenScope, GrantLevel>>[] = []
  for (const set of sets) {
    const needs: Partial<Record<TokenScope, GrantLevel>> = {}
    let ok = true
    for (const entry of set.split(',')) {
      const [name, level] = entry.trim().split('=') as [string, string]
      const scope = name.replace(/_/g, '-')
      if (!isTokenScope(scope) || (level !== 'read' && level !== 'write') || !levelAllowed(scope, level)) {
        ok = false
        break
      }
      needs[scope] = level
    }
    if (ok) usable.push(needs)
  }
  return usable
}
