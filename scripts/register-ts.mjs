// `node --import ./scripts/register-ts.mjs script.ts` — run scripts that import src/ TypeScript directly.
import { register } from 'node:module'
register('./ts-hooks.mjs', import.meta.url)
