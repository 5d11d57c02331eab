// Which permission each operation needs, and what GitHub answers when a token lacks it.
// Permission names and levels follow "Permissions required for GitHub Apps" in GitHub's REST docs.
import type { AccessLevel, PermissionName, TokenKind, TokenSpec } from './types.ts'

/** One acceptable set of permissions; an operation may accept any of several sets. */
type PermissionSet = Partial<Record<PermissionName, AccessLevel>>

const read = (p: PermissionName): PermissionSet[] => [{ [p]: 'read' }]
const write = (p: PermissionName): PermissionSet[] => [{ [p]: 'write' }]
// Issue comments and labels work on pull requests too, with either permission.
const issueOrPull = (level: AccessLevel): PermissionSet[] => [{ issues: level }, { pull_requests: level }]
// Every installation token has metadata: read, which these need.
const METADATA: PermissionSet[] = []

const REQUIRED: Record<string, PermissionSet[]> = {
  'git/create-blob': write('contents'),
  'git/get-blob': read('contents'),
  'git/create-tree': write('contents'),
  'git/get-tree': read('contents'),
  'git/create-commit': write('contents'),
  'git/get-commit': read('contents'),
  'git/get-ref': read('contents'),
  'git/list-matching-refs': read('contents'),
  'git/create-ref': write('contents'),
  'git/update-ref': write('contents'),
  'git/delete-ref': write('contents'),
  'repos/get': METADATA,
  'repos/get-branch': read('contents'),
  'repos/get-content': read('contents'),
  'repos/create-or-update-file-contents': write('contents'),
  'repos/get-collaborator-permission-level': METADATA,
  'repos/download-zipball-archive': read('contents'),
  'actions/get-workflow': read('actions'),
  'actions/get-workflow-run': read('actions'),
  'actions/get-workflow-run-attempt': read('actions'),
  'actions/list-workflow-runs': read('actions'),
  'actions/list-workflow-runs-for-repo': read('actions'),
  'actions/list-jobs-for-workflow-run': read('actions'),
  'actions/list-jobs-for-workflow-run-attempt': read('actions'),
  'actions/get-job-for-workflow-run': read('actions'),
  'actions/download-job-logs-for-workflow-run': read('actions'),
  'actions/re-run-workflow-failed-jobs': write('actions'),
  'actions/re-run-job-for-workflow-run': write('actions'),
  'actions/list-workflow-run-artifacts': read('actions'),
  'actions/download-artifact': read('actions'),
  'actions/get-actions-cache-list': read('actions'),
  'actions/delete-actions-cache-by-key': write('actions'),
  'pulls/list': read('pull_requests'),
  'pulls/create': write('pull_requests'),
  'pulls/get': read('pull_requests'),
  'pulls/update': write('pull_requests'),
  'pulls/list-commits': read('pull_requests'),
  'issues/create': write('issues'),
  'issues/list-for-repo': read('issues'),
  'issues/get': issueOrPull('read'),
  'issues/update': issueOrPull('write'),
  'issues/create-comment': issueOrPull('write'),
  'issues/list-comments': issueOrPull('read'),
  'issues/update-comment': issueOrPull('write'),
  'issues/add-labels': issueOrPull('write')
}

const satisfies = (token: TokenSpec, set: PermissionSet): boolean =>
  Object.entries(set).every(([name, level]) => {
    const held = token.permissions[name as PermissionName]
    return held === 'write' || held === level
  })

/**
 * Null when `token` may call the operation; otherwise the `x-accepted-github-permissions` value
 * GitHub sends with its 403: the acceptable sets separated by "; " (GitHub changelog 2023-08-10).
 */
export function missingPermission(token: TokenSpec, operationId: string): string | null {
  const sets = REQUIRED[operationId] ?? []
  if (sets.length === 0 || sets.some((set) => satisfies(token, set))) return null
  return sets
    .map((set) =>
      Object.entries(set)
        .map(([name, level]) => `${name}=${level}`)
        .join(',')
    )
    .join('; ')
}

/** GitHub's 403 message differs by who holds the token. */
export const forbiddenMessage = (kind: TokenKind): string =>
  kind === 'pat' ? 'Resource not accessible by personal access token' : 'Resource not accessible by integration'

export const WORKFLOWS_DIR = '.github/workflows'

/**
 * How GitHub refuses a create/update under `.github/workflows/` by a token without the workflows
 * permission. No documentation states it; what is observed:
 * - installation tokens (GITHUB_TOKEN, GitHub Apps): the tree call answers 403 "Resource not
 *   accessible by integration" (anthropics/claude-code-action#29, IAreKyleW00t/verified-bot-commit#331,
 *   googleapis/release-please-action#704);
 * - classic PATs without the `workflow` scope: 404 "Not Found" from create-tree and from the contents
 *   API (octokit/rest.js#368, gr2m/octokit-plugin-create-pull-request#104, octokit/octokit.rb#1184,
 *   integrations/terraform-provider-github#633; github/docs#4770 asked for a clearer status, declined).
 * `git push` says "refusing to allow a GitHub App to create or update workflow … without
 * `workflows` permission" instead, but the simulator has no git transport.
 */
export function workflowRefusal(kind: TokenKind): { status: number; message: string } {
  return kind === 'pat' ? { status: 404, message: 'Not Found' } : { status: 403, message: forbiddenMessage(kind) }
}
