// Writes __tests__/sim/github/openapi-subset.json: the operations the GitHub simulator plays, cut
// from GitHub's published OpenAPI description. `@octokit/openapi` is ~385 MB installed, so it is
// never a dependency: this script packs the pinned version into a temp dir, extracts the one file
// it needs and keeps only the listed operations plus every component they reference.
//
//   node_modules/.bin/node scripts/gen-openapi-subset.ts
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE = '@octokit/openapi'
const VERSION = '23.0.2'
// The referencing (not `.deref`) variant: components stay shared, so the subset stays small.
const SPEC_FILE = 'package/generated/api.github.com.json'

/** Every REST operation the simulator serves. Add here first, then regenerate. */
const OPERATIONS = [
  'git/create-blob',
  'git/get-blob',
  'git/create-tree',
  'git/get-tree',
  'git/create-commit',
  'git/get-commit',
  'git/get-ref',
  'git/list-matching-refs',
  'git/create-ref',
  'git/update-ref',
  'git/delete-ref',
  'repos/get',
  'repos/get-branch',
  'repos/get-content',
  'repos/create-or-update-file-contents',
  'repos/get-collaborator-permission-level',
  'repos/download-zipball-archive',
  'actions/get-workflow',
  'actions/get-workflow-run',
  'actions/get-workflow-run-attempt',
  'actions/list-workflow-runs',
  'actions/list-workflow-runs-for-repo',
  'actions/list-jobs-for-workflow-run',
  'actions/list-jobs-for-workflow-run-attempt',
  'actions/get-job-for-workflow-run',
  'actions/download-job-logs-for-workflow-run',
  'actions/re-run-workflow-failed-jobs',
  'actions/re-run-job-for-workflow-run',
  'actions/list-workflow-run-artifacts',
  'actions/download-artifact',
  'actions/get-actions-cache-list',
  'actions/delete-actions-cache-by-key',
  'pulls/list',
  'pulls/create',
  'pulls/get',
  'pulls/update',
  'pulls/list-commits',
  'issues/create',
  'issues/list-for-repo',
  'issues/get',
  'issues/update',
  'issues/create-comment',
  'issues/list-comments',
  'issues/update-comment',
  'issues/add-labels'
]

/** Webhook payloads kept from the same file's `x-webhooks` (same OpenAPI 3.0 dialect as the paths). */
const WEBHOOKS = ['workflow-run-completed']

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outFile = path.join(root, '__tests__/sim/github/openapi-subset.json')

function fetchSpec(): JsonObject {
  const dir = mkdtempSync(path.join(tmpdir(), 'openapi-subset-'))
  try {
    const out = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', dir, '--json'], {
      encoding: 'utf8'
    })
    const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>
    execFileSync('tar', ['-xzf', path.join(dir, filename), '-C', dir, SPEC_FILE])
    return JSON.parse(readFileSync(path.join(dir, SPEC_FILE), 'utf8')) as JsonObject
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Drops example payloads (large, never used to validate) so the subset stays a few hundred KB.
 * A schema property that happens to be called `examples` (under `properties`) is kept.
 */
function withoutExamples(value: Json, parentKey = ''): Json {
  if (Array.isArray(value)) return value.map((item) => withoutExamples(item))
  if (!isObject(value)) return value
  const copy: JsonObject = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === 'examples' && isObject(child) && parentKey !== 'properties') continue
    copy[key] = withoutExamples(child, key)
  }
  return copy
}

/** Collects `#/components/<kind>/<name>` references reachable from `start`, transitively. */
function referencedComponents(start: Json, components: JsonObject): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>()
  const pending: Json[] = [start]
  while (pending.length > 0) {
    const value = pending.pop() as Json
    if (Array.isArray(value)) {
      pending.push(...value)
      continue
    }
    if (!isObject(value)) continue
    const ref = value.$ref
    if (typeof ref === 'string') {
      const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref)
      if (!match) throw new Error(`unsupported $ref ${ref}`)
      const [, kind, name] = match
      const names = found.get(kind) ?? new Set<string>()
      found.set(kind, names)
      if (!names.has(name)) {
        names.add(name)
        const target = (components[kind] as JsonObject | undefined)?.[name]
        if (target === undefined) throw new Error(`dangling $ref ${ref}`)
        pending.push(target)
      }
    }
    pending.push(...Object.values(value))
  }
  return found
}

function subset(spec: JsonObject): JsonObject {
  const paths: JsonObject = {}
  const missing = new Set(OPERATIONS)
  for (const [route, item] of Object.entries(spec.paths as JsonObject)) {
    if (!isObject(item)) continue
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || !missing.delete(operation.operationId as string)) continue
      const kept = (paths[route] as JsonObject | undefined) ?? {}
      kept[method] = withoutExamples(operation)
      paths[route] = kept
    }
  }
  if (missing.size > 0) throw new Error(`operations not in ${PACKAGE}@${VERSION}: ${[...missing].join(', ')}`)

  const webhooks: JsonObject = {}
  for (const name of WEBHOOKS) {
    const hook = (spec['x-webhooks'] as JsonObject)[name]
    if (hook === undefined) throw new Error(`webhook ${name} not in ${PACKAGE}@${VERSION}`)
    webhooks[name] = withoutExamples(hook)
  }

  const allComponents = spec.components as JsonObject
  const components: JsonObject = {}
  for (const [kind, names] of referencedComponents({ paths, webhooks }, allComponents)) {
    const source = allComponents[kind] as JsonObject
    const kept: JsonObject = {}
    for (const name of [...names].sort()) kept[name] = withoutExamples(source[name])
    components[kind] = kept
  }

  const info = spec.info as JsonObject
  return {
    openapi: spec.openapi,
    info: {
      ...info,
      title: `${info.title as string} (subset for the ci-monitor GitHub simulator)`,
      'x-source': `${PACKAGE}@${VERSION} ${SPEC_FILE.replace(/^package\//, '')}`,
      'x-generated-by': 'scripts/gen-openapi-subset.ts'
    },
    servers: spec.servers,
    paths,
    'x-webhooks': webhooks,
    components
  }
}

const result = subset(fetchSpec())
writeFileSync(outFile, JSON.stringify(result, null, 1) + '\n')
const operations = Object.values(result.paths as JsonObject).reduce<number>((n, item) => n + Object.keys(item as JsonObject).length, 0)
console.log(`${path.relative(root, outFile)}: ${operations} operations, ${readFileSync(outFile).length} bytes`)
