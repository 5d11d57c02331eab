/**
 * Deprecated majors of first-party actions and the major each moves to.
 *
 * The target is the first major that runs on Node 24 by default: GitHub forces Node 20 actions
 * onto Node 24 from 2026-06-02 and removes Node 20 from the runners on 2026-09-16
 * (https://github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners/;
 * dates as restated in xonsh/actions#4 and flutter-actions/setup-flutter#16), after Node 12 and
 * Node 16 actions went the same way.
 * The smallest step off the retired runtimes keeps the set of behaviour changes to review small;
 * later majors are Dependabot's business, not a failure fix. Node 24 majors need runner 2.327.1+.
 *
 * Some majors were switched off outright (the job fails with "This request has been automatically
 * failed because it uses a deprecated version of …"): artifact actions v1–v3 and actions/cache
 * below v3.4.0 / v4.2.0; those are all below the targets too.
 */
export interface CatalogEntry {
  /** `owner/repo`, lower case; sub-actions (`actions/cache/restore`) share the repo's tags. */
  repo: string
  /** Every major below this one is deprecated; references move to `v<target>`. */
  target: number
  /** Repos whose references must move together with this one (artifact format is shared). */
  family: string
  /** Behaviour changes a reviewer must check, keyed by the first major that has them. */
  changes: Record<number, string>
  /** Where the deprecation and the target come from. */
  sources: string[]
}

const ARTIFACT_V4 =
  'v4 artifacts are immutable and job-scoped: uploading twice to one name fails, v4 cannot read artifacts uploaded by v3, and GitHub Enterprise Server may not support v4 yet (docs/MIGRATION.md in actions/upload-artifact).'

export const ACTION_CATALOG: readonly CatalogEntry[] = [
  {
    repo: 'actions/checkout',
    target: 5,
    family: 'checkout',
    changes: {},
    sources: ['https://github.com/actions/checkout/releases/tag/v5.0.0 (Node 24)']
  },
  {
    repo: 'actions/setup-node',
    target: 5,
    family: 'setup-node',
    changes: {
      5: 'v5 caches dependencies automatically when package.json has a packageManager field (turn off with package-manager-cache: false).'
    },
    sources: ['https://github.com/actions/setup-node/releases/tag/v5.0.0 (Node 24, automatic caching)']
  },
  {
    repo: 'actions/setup-python',
    target: 6,
    family: 'setup-python',
    changes: {},
    sources: ['https://github.com/actions/setup-python/releases/tag/v6.0.0 (Node 24)']
  },
  {
    repo: 'actions/setup-java',
    target: 5,
    family: 'setup-java',
    changes: {},
    sources: ['https://github.com/actions/setup-java/releases/tag/v5.0.0 (Node 24)']
  },
  {
    repo: 'actions/setup-go',
    target: 6,
    family: 'setup-go',
    changes: {
      6: 'v6 follows the toolchain directive of go.mod and keys its module cache on go.mod.'
    },
    sources: ['https://github.com/actions/setup-go/releases/tag/v6.0.0 (Node 24, toolchain handling)']
  },
  {
    repo: 'actions/github-script',
    target: 8,
    family: 'github-script',
    changes: { 8: 'v8 runs the inline script on Node 24 instead of Node 20.' },
    sources: ['https://github.com/actions/github-script/releases/tag/v8.0.0 (Node 24)']
  },
  {
    repo: 'actions/cache',
    target: 5,
    family: 'cache',
    changes: {},
    sources: [
      'https://github.com/actions/cache/discussions/1510 (cache service v2; v1, v2 and releases before v3.4.0 / v4.2.0 fail since 2025-02-01)',
      'https://github.com/actions/cache/releases/tag/v5.0.0 (Node 24)'
    ]
  },
  {
    repo: 'actions/upload-artifact',
    target: 6,
    family: 'artifact',
    changes: { 4: ARTIFACT_V4 },
    sources: [
      'https://github.blog/changelog/2024-04-16-deprecation-notice-v3-of-the-artifact-actions/ (v1–v3 fail since 2024-11-30)',
      'https://github.com/actions/upload-artifact/releases/tag/v6.0.0 (Node 24; v5 still ran on Node 20 by default)'
    ]
  },
  {
    repo: 'actions/download-artifact',
    target: 7,
    family: 'artifact',
    changes: {
      4: ARTIFACT_V4,
      5: 'v5 extracts a single artifact downloaded by artifact-ids directly into path instead of a sub-folder.'
    },
    sources: [
      'https://github.blog/changelog/2024-04-16-deprecation-notice-v3-of-the-artifact-actions/ (v1–v3 fail since 2024-11-30)',
      'https://github.com/actions/download-artifact/releases/tag/v5.0.0 (path change)',
      'https://github.com/actions/download-artifact/releases/tag/v7.0.0 (Node 24; v6 still ran on Node 20 by default)'
    ]
  }
]

/** The entry for an action reference such as `actions/cache/restore` or `Actions/Checkout`. */
export function catalogEntryFor(action: string): CatalogEntry | null {
  const [owner, repo] = action.trim().toLowerCase().split('@')[0]!.split('/')
  if (!owner || !repo) return null
  return ACTION_CATALOG.find((entry) => entry.repo === `${owner}/${repo}`) ?? null
}

/** Behaviour changes crossed when moving from `fromMajor` to the entry's target. */
export function changesCrossed(entry: CatalogEntry, fromMajor: number): string[] {
  const notes = new Set<string>()
  for (let major = fromMajor + 1; major <= entry.target; major++) {
    const note = entry.changes[major]
    if (note) notes.add(note)
  }
  return [...notes]
}
