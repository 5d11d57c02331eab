import { isMap, isScalar, isSeq } from 'yaml'
import type { Node } from 'yaml'
import type { RepositoryVisibility } from './types.js'
import type { Workflow, WorkflowJob } from './workflow-doc.js'

/**
 * GitHub's standard hosted runners by workflow label, from "GitHub-hosted runners reference"
 * (https://docs.github.com/en/actions/reference/runners/github-hosted-runners, read 2025-11):
 * public repositories get 4 CPUs / 16 GB on Linux and Windows, private and internal ones 2 CPUs /
 * 7 GB; macOS arm64 has 7 GB and macOS Intel 14 GB for both. Where the private figure for arm64
 * Linux and Windows is not stated there, the smaller x64 figure is assumed. `ubuntu-latest` is
 * Ubuntu 24.04 since the migration announced in
 * https://github.blog/changelog/2024-09-25-actions-new-images-and-ubuntu-latest-changes/.
 * GitHub keeps the two newest versions of each OS (actions/runner-images#11101): ubuntu-20.04 was
 * removed on 2025-04-15 and is not listed.
 */
export interface HostedRunner {
  labels: readonly string[]
  os: 'linux' | 'windows' | 'macos'
  arch: 'x64' | 'arm64'
  /** The image name runner logs and setup actions use, e.g. `ubuntu-24.04`. */
  image: string
  memoryGiB: { public: number; private: number }
  /** Runs in a container on a shared VM (no sudo, no VM-wide disk to free). */
  container: boolean
}

export const HOSTED_RUNNERS: readonly HostedRunner[] = [
  { labels: ['ubuntu-latest', 'ubuntu-24.04'], os: 'linux', arch: 'x64', image: 'ubuntu-24.04', memoryGiB: { public: 16, private: 7 }, container: false },
  { labels: ['ubuntu-22.04'], os: 'linux', arch: 'x64', image: 'ubuntu-22.04', memoryGiB: { public: 16, private: 7 }, container: false },
  { labels: ['ubuntu-24.04-arm'], os: 'linux', arch: 'arm64', image: 'ubuntu-24.04', memoryGiB: { public: 16, private: 7 }, container: false },
  { labels: ['ubuntu-22.04-arm'], os: 'linux', arch: 'arm64', image: 'ubuntu-22.04', memoryGiB: { public: 16, private: 7 }, container: false },
  { labels: ['ubuntu-slim'], os: 'linux', arch: 'x64', image: 'ubuntu-slim', memoryGiB: { public: 5, private: 5 }, container: true },
  { labels: ['windows-latest', 'windows-2025', 'windows-2022'], os: 'windows', arch: 'x64', image: 'windows', memoryGiB: { public: 16, private: 7 }, container: false },
  { labels: ['windows-11-arm'], os: 'windows', arch: 'arm64', image: 'windows-11-arm', memoryGiB: { public: 16, private: 7 }, container: false },
  { labels: ['macos-13', 'macos-15-intel'], os: 'macos', arch: 'x64', image: 'macos-intel', memoryGiB: { public: 14, private: 14 }, container: false },
  { labels: ['macos-latest', 'macos-14', 'macos-15'], os: 'macos', arch: 'arm64', image: 'macos-arm64', memoryGiB: { public: 7, private: 7 }, container: false }
]

export function hostedRunnerFor(label: string): HostedRunner | null {
  const wanted = label.trim().toLowerCase()
  return HOSTED_RUNNERS.find((runner) => runner.labels.includes(wanted)) ?? null
}

export function memoryMiB(runner: HostedRunner, visibility: RepositoryVisibility | null | undefined): number {
  return (visibility === 'public' ? runner.memoryGiB.public : runner.memoryGiB.private) * 1024
}

/** Where a job runs, as far as the workflow file and the jobs API tell. */
export type JobRunner =
  /** Every runner the job may get (several for a matrix) is a standard hosted one. */
  | { kind: 'hosted'; runners: HostedRunner[]; labels: string[]; container: boolean }
  /** At least one candidate label is not a standard hosted label (self-hosted, larger runner, group). */
  | { kind: 'other'; labels: string[] }
  /** `runs-on` is an expression ci-monitor cannot resolve, or absent. */
  | { kind: 'unknown' }

const MATRIX_EXPRESSION = /^\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}$/

/**
 * Resolves the job's runner from the jobs API labels when given, else from a literal `runs-on`,
 * else from `runs-on: ${{ matrix.<key> }}` and the matrix values (narrowed to the one named in
 * the API job name when exactly one is).
 */
export function resolveRunner(workflow: Workflow, job: WorkflowJob, apiLabels: readonly string[] | undefined, jobName: string): JobRunner {
  const container = job.map.has('container')
  const labels = apiLabels && apiLabels.length > 0 ? [...apiLabels] : labelsFromWorkflow(workflow, job, jobName)
  if (labels === null || labels.length === 0) return { kind: 'unknown' }
  const runners = labels.map(hostedRunnerFor)
  if (runners.some((runner) => runner === null)) return { kind: 'other', labels }
  return { kind: 'hosted', runners: runners as HostedRunner[], labels, container }
}

/** Candidate labels, each a separate possibility (a list `runs-on` is one runner with many labels: only a single-label list counts). */
function labelsFromWorkflow(workflow: Workflow, job: WorkflowJob, jobName: string): string[] | null {
  const node = job.map.get('runs-on', true) as Node | undefined
  if (isScalar(node) && typeof node.value === 'string') {
    const matrixKey = MATRIX_EXPRESSION.exec(node.value.trim())?.[1]
    if (!matrixKey) return node.value.includes('${{') ? null : [node.value]
    const values = matrixValues(workflow, job, matrixKey)
    if (values === null) return null
    const named = values.filter((value) => jobName.includes(value))
    return named.length === 1 ? named : values
  }
  if (isSeq(node) && node.items.length === 1 && isScalar(node.items[0]) && typeof node.items[0].value === 'string') {
    const value = node.items[0].value
    return value.includes('${{') ? null : [value]
  }
  // Several labels, a group or anything else: not a standard hosted runner ci-monitor knows.
  if (isSeq(node)) return [node.items.map((item) => (isScalar(item) ? String(item.value) : '?')).join(', ')]
  return node === undefined ? null : ['a runner group']
}

/** The literal string values of `strategy.matrix.<key>` plus `include` entries setting it. */
function matrixValues(workflow: Workflow, job: WorkflowJob, key: string): string[] | null {
  const matrix = workflow.doc.getIn([...job.path, 'strategy', 'matrix'], true) as Node | undefined
  if (!isMap(matrix)) return null
  const values: string[] = []
  const list = matrix.get(key, true) as Node | undefined
  if (list !== undefined) {
    if (!isSeq(list)) return null
    for (const item of list.items) {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.includes('${{')) return null
      values.push(item.value)
    }
  }
  const include = matrix.get('include', true) as Node | undefined
  if (isSeq(include)) {
    for (const entry of include.items) {
      if (!isMap(entry)) return null
      const value = entry.get(key, true) as Node | undefined
      if (value === undefined) continue
      if (!isScalar(value) || typeof value.value !== 'string' || value.value.includes('${{')) return null
      values.push(value.value)
    }
  }
  return values.length > 0 ? [...new Set(values)] : null
}
