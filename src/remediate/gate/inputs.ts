import { parseActionRef } from '../action-ref.js'
import { countBy, isMap, keyedMaps, multisetChanges, splitId, valuesPerJob } from './data.js'
import type { Json, JsonMap } from './data.js'
import type { GateViolation } from './types.js'

/** Rules on what a workflow hands to its steps: secrets, environment, actions. */

/** Any added or removed line mentioning secrets, and any change to an env/with/secrets mapping that holds one. */
export function secrets(changedText: string[], old: JsonMap, now: JsonMap): GateViolation[] {
  const lineTouched = changedText.some((text) => /\bsecrets\b/i.test(text))
  const key = (m: { scope: string; kind: string; value: Json }): string => `${m.scope}\u0000${m.kind}\u0000${JSON.stringify(m.value)}`
  const { added, removed } = multisetChanges(countBy(keyedMaps(old), key), countBy(keyedMaps(now), key))
  const mapTouched = [...added, ...removed].some((id) => /\bsecrets\s*\./i.test(id) || /\bsecrets\b/i.test(id.split('\u0000')[1] ?? ''))
  return lineTouched || mapTouched ? [{ rule: 'touches-secrets', message: 'The change touches secrets or a mapping that passes them on.' }] : []
}

/**
 * Environment variables that load code, redirect downloads or turn off TLS checks. A fix may set
 * only the catalog's retry settings and may change NODE_OPTIONS only by a heap size.
 */
const STEERING_NAMES = new Set(
  [
    'node_options', 'node_path', 'node_tls_reject_unauthorized', 'ld_preload', 'ld_library_path', 'ld_audit', 'bash_env', 'env', 'prompt_command',
    'shellopts', 'bashopts', 'ps4', 'ifs', 'path', 'pythonpath', 'pythonstartup', 'pythonhome', 'perl5opt', 'perl5lib', 'rubyopt', 'rubylib',
    'java_tool_options', '_java_options', 'jdk_java_options', 'maven_opts', 'maven_args', 'gradle_opts', 'goflags', 'goproxy', 'gonosumdb',
    'gonosumcheck', 'goinsecure', 'gosumdb', 'goprivate', 'cargo_registries_crates_io_protocol', 'rustflags', 'rustc_wrapper', 'requests_ca_bundle',
    'ssl_cert_file', 'curl_ca_bundle', 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy', 'docker_host', 'docker_config', 'kubeconfig'
  ]
)
const STEERING_PREFIXES = ['github_', 'runner_', 'actions_', 'ld_', 'dyld_', 'git_', 'npm_config_', 'yarn_', 'pnpm_', 'pip_', 'uv_', 'poetry_', 'bundle_', 'nuget_']
/** The catalog's own settings among those prefixes. */
const CATALOG_ENV = new Set(['npm_config_fetch_retries', 'pip_retries'])
const HEAP_FLAG = /^--max-old-space-size=\d{1,6}$/

function steers(name: string): boolean {
  const lower = name.toLowerCase()
  if (CATALOG_ENV.has(lower)) return false
  return STEERING_NAMES.has(lower) || STEERING_PREFIXES.some((prefix) => lower.startsWith(prefix))
}

export function environment(old: JsonMap, now: JsonMap): GateViolation[] {
  const envs = (workflow: JsonMap) => keyedMaps(workflow).filter((m) => m.kind === 'env')
  const before = envs(old)
  const after = envs(now)
  // An env given as an expression can hold anything.
  const opaque = after.some((m) => !isMap(m.value) && !before.some((b) => b.scope === m.scope && JSON.stringify(b.value) === JSON.stringify(m.value)))
  const entries = (list: typeof before): string[] =>
    list.flatMap((m) => (isMap(m.value) ? Object.entries(m.value).map(([name, value]) => `${m.scope}\u0000${name}\u0000${JSON.stringify(value)}`) : []))
  const { added } = multisetChanges(countBy(entries(before), (e) => e), countBy(entries(after), (e) => e))
  const nodeFlagsBefore = new Set(
    entries(before)
      .filter((e) => e.split('\u0000')[1]!.toLowerCase() === 'node_options')
      .flatMap((e) => String(JSON.parse(e.split('\u0000')[2]!)).split(/\s+/))
  )
  const bad = added.filter((entry) => {
    const [, name, json] = entry.split('\u0000') as [string, string, string]
    if (!steers(name)) return false
    if (name.toLowerCase() !== 'node_options') return true
    const value = JSON.parse(json) as Json
    if (typeof value !== 'string') return true
    return value.split(/\s+/).some((flag) => flag !== '' && !nodeFlagsBefore.has(flag) && !HEAP_FLAG.test(flag))
  })
  return opaque || bad.length > 0
    ? [{ rule: 'env-injection', message: 'The change sets an environment variable that can load code, redirect downloads or weaken TLS checks.' }]
    : []
}

/** Owners whose actions GitHub itself publishes: a version tag is accepted for them. */
const FIRST_PARTY = new Set(['actions', 'github'])

/**
 * New `uses:` (step actions and reusable workflows) must be local, first-party on a version tag,
 * or pinned to a full commit SHA; a new Docker image must be pinned by digest.
 */
export function newActions(old: JsonMap, now: JsonMap): GateViolation[] {
  const { added } = multisetChanges(valuesPerJob(old, 'uses'), valuesPerJob(now, 'uses'))
  const unpinned = added.map((id) => splitId(id).value).filter((value) => {
    if (typeof value !== 'string') return true
    const ref = parseActionRef(value)
    if (ref.kind === 'local') return false
    if (ref.kind === 'docker') return !/@sha256:[0-9a-f]{64}$/.test(value)
    if (ref.kind !== 'remote') return true
    if (ref.refKind === 'sha') return false
    return !(FIRST_PARTY.has(ref.repo.split('/')[0]!) && ref.refKind === 'version')
  })
  return unpinned.length > 0
    ? [{ rule: 'unpinned-action', message: 'The change uses an action that is neither first-party on a version tag nor pinned to a full commit SHA.' }]
    : []
}
