/** A `uses:` value, split into the parts the catalog needs. */
export type ActionRef =
  | { kind: 'local' }
  | { kind: 'docker' }
  | {
      kind: 'remote'
      /** `owner/repo` lower case. */
      repo: string
      /** Everything before `@`, as written. */
      action: string
      ref: string
      refKind: RefKind
      /** Major version for `version` refs. */
      major: number | null
    }
  | { kind: 'invalid' }

/** `sha`: pinned to a commit; `version`: a vN / vN.N / vN.N.N tag; `other`: a branch or odd tag. */
export type RefKind = 'sha' | 'version' | 'other'

const REMOTE = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)((?:\/[^@\s]+)?)@([^@\s]+)$/
const SHA = /^[0-9a-f]{40}$/i
const VERSION = /^v(\d{1,4})(?:\.\d{1,6}){0,2}$/

export function parseActionRef(uses: string): ActionRef {
  if (uses.startsWith('./') || uses.startsWith('.\\')) return { kind: 'local' }
  if (uses.startsWith('docker://')) return { kind: 'docker' }
  const match = REMOTE.exec(uses)
  if (!match) return { kind: 'invalid' }
  const [, owner, repo, subPath, ref] = match as unknown as [string, string, string, string, string]
  const version = VERSION.exec(ref)
  return {
    kind: 'remote',
    repo: `${owner}/${repo}`.toLowerCase(),
    action: `${owner}/${repo}${subPath}`,
    ref,
    refKind: SHA.test(ref) ? 'sha' : version ? 'version' : 'other',
    major: version ? Number(version[1]) : null
  }
}
