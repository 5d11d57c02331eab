/**
 * Schema versions of the state branch's documents, and the upgrades between them. A document is
 * upgraded step by step (n → n + 1) to the version this ci-monitor writes before it is validated,
 * and written back in that version the next time it is written. A newer document is refused:
 * guessing at fields this version does not know would lose them.
 *
 * Version 0 is a document without `schema_version` (and possibly without `kind`, which its path
 * implies): the layout before documents were stamped, which may also lack fields added since.
 * Fields added within a version are optional with a default in that version's schema instead.
 */
import { SCHEMA_VERSION } from './records.js'

type Json = Record<string, unknown>
export type Upgrade = (doc: Json) => Json

/** `UPGRADES[kind][n]` upgrades a document of that kind from version n to n + 1. */
export const UPGRADES: Readonly<Record<string, readonly Upgrade[]>> = {
  fingerprint: [
    (doc) => ({
      ...stamp(doc, 'fingerprint', 1),
      flaky: doc['flaky'] ?? [],
      pulls: doc['pulls'] ?? [],
      llm_memo: doc['llm_memo'] ?? null,
      reruns: doc['reruns'] ?? [],
      incident: doc['incident'] ?? null
    })
  ],
  'run-analysis': [
    (doc) => ({
      ...stamp(doc, 'run-analysis', 1),
      last_green: doc['last_green'] ?? null,
      jobs: Array.isArray(doc['jobs']) ? doc['jobs'].map((job: unknown) => (isObject(job) ? { llm: null, ...job } : job)) : doc['jobs']
    })
  ]
}

function stamp(doc: Json, kind: string, version: number): Json {
  return { ...doc, kind: doc['kind'] ?? kind, schema_version: version }
}

export type Migrated = { ok: true; doc: Json; from: number } | { ok: false; newer: boolean; problem: string }

/** Brings a parsed document of `kind` to `target` (the version this ci-monitor writes). Pure. */
export function migrate(raw: unknown, kind: string, upgrades: Readonly<Record<string, readonly Upgrade[]>> = UPGRADES, target: number = SCHEMA_VERSION): Migrated {
  if (!isObject(raw)) return { ok: false, newer: false, problem: 'is not a JSON object' }
  const stated = raw['schema_version']
  const from = stated === undefined ? 0 : stated
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { ok: false, newer: false, problem: `has schema_version ${JSON.stringify(stated)}, not a version number` }
  }
  if (from > target) {
    return { ok: false, newer: true, problem: `written by a newer ci-monitor (schema_version ${from} > ${target}); upgrade the action` }
  }
  let doc: Json = raw
  for (let version = from; version < target; version++) {
    const upgrade = upgrades[kind]?.[version]
    if (!upgrade) return { ok: false, newer: false, problem: `has schema_version ${version}, and ci-monitor has no upgrade of ${kind} documents from it` }
    doc = upgrade(doc)
  }
  return { ok: true, doc, from }
}

/** The kind a version-0 document has by where it is, for documents written before `kind` was. */
export function kindByPath(path: string): string | null {
  if (/^fingerprints\/[0-9a-f]{8,64}\.json$/.test(path)) return 'fingerprint'
  if (/^runs\/\d+\/attempt-\d+\.json$/.test(path)) return 'run-analysis'
  return null
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
