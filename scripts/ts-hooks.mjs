// Module resolve hook: lets Node 24 (type stripping) run src/ directly. src/ imports siblings with
// the `.js` specifier TypeScript's NodeNext mode requires; here that maps to the `.ts` file on disk.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const isPathLike = (s) => s.startsWith('.') || s.startsWith('/') || s.startsWith('file:')

export async function resolve(specifier, context, nextResolve) {
  if (isPathLike(specifier) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
    const asJs = new URL(specifier, context.parentURL)
    const asTs = new URL(asJs.href.slice(0, -3) + '.ts')
    if (!existsSync(fileURLToPath(asJs)) && existsSync(fileURLToPath(asTs))) {
      return nextResolve(asTs.href, context)
    }
  }
  return nextResolve(specifier, context)
}

// Some packages (@actions/workflow-parser) import JSON without `with { type: 'json' }`, which
// bundlers accept and Node refuses; supply the attribute for JSON files under node_modules.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.json') && url.includes('/node_modules/') && !context.importAttributes?.type) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } })
  }
  return nextLoad(url, context)
}
