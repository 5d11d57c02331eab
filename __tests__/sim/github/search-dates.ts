// GitHub's date qualifier syntax, as `created` of the workflow-run lists takes it ("Understanding
// the search syntax": `>=2026-01-01`, `<2026-01-01T10:00:00Z`, `2026-01-01..2026-01-31`, `2026-01-01..*`,
// or one day). A date alone covers that UTC day; a date-time without a zone is read as UTC.
import { ApiError } from './handler.ts'

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const DAY_MS = 24 * 60 * 60 * 1000

interface Bound {
  start: number
  /** Exclusive: the first instant after the value (the next day for a date alone). */
  end: number
}

function bound(text: string): Bound {
  if (!DATE.test(text)) throw new ApiError(422, `Invalid date '${text}' in the created filter`)
  const dateOnly = text.length === 10
  const zoned = dateOnly || /(?:Z|[+-]\d{2}:?\d{2})$/.test(text)
  const start = Date.parse(zoned && !dateOnly ? text : `${text}${dateOnly ? 'T00:00:00' : ''}Z`)
  if (Number.isNaN(start)) throw new ApiError(422, `Invalid date '${text}' in the created filter`)
  return { start, end: dateOnly ? start + DAY_MS : start + 1 }
}

/** A predicate on ISO times for one `created` value; throws a 422 for syntax GitHub would not read. */
export function createdFilter(value: string): (iso: string) => boolean {
  const range = /^(.+)\.\.(.+)$/.exec(value)
  if (range) {
    const from = range[1] === '*' ? -Infinity : bound(range[1]!).start
    const to = range[2] === '*' ? Infinity : bound(range[2]!).end
    return (iso) => Date.parse(iso) >= from && Date.parse(iso) < to
  }
  const compare = /^(>=|<=|>|<)(.+)$/.exec(value)
  if (compare) {
    const b = bound(compare[2]!)
    const op = compare[1]
    if (op === '>=') return (iso) => Date.parse(iso) >= b.start
    if (op === '>') return (iso) => Date.parse(iso) >= b.end
    if (op === '<=') return (iso) => Date.parse(iso) < b.end
    return (iso) => Date.parse(iso) < b.start
  }
  const b = bound(value)
  return (iso) => Date.parse(iso) >= b.start && Date.parse(iso) < b.end
}
