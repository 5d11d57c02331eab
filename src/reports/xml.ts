/**
 * A small, bounded XML scanner for test reports: elements, attributes, text and CDATA, nothing
 * else. There is no DTD support at all: a document with a DOCTYPE is refused, so no entity can be
 * declared, expanded or fetched (no XXE, no billion laughs). Only the five predefined entities and
 * numeric character references are decoded, each into at most one character, so decoding is linear.
 * Nesting is capped. The scan is a single forward pass with sticky regexes: linear in the input.
 *
 * A general-purpose parser (fast-xml-parser) was weighed and not taken: it needs entity options
 * set right and a recent version to be safe against entity floods, and it builds the whole tree;
 * test reports use a handful of elements, which a streaming scan of ~150 lines reads exactly.
 */

export interface XmlHandler {
  /** An element opened; `name` is its local name (namespace prefix removed). Return false to stop. */
  open(name: string, attributes: ReadonlyMap<string, string>): boolean
  /** An element closed (also called right after `open` for `<empty/>` elements). Return false to stop. */
  close(name: string): boolean
  /**
   * How many characters of text at this point are still wanted (0: none). Only about that much is
   * decoded: text beyond it is skipped unread, so a huge body costs no more than a short one.
   */
  wantsText(): number
  text(text: string): void
}

export interface XmlScanLimits {
  maxDepth: number
  maxAttributes: number
}

export type XmlErrorCode = 'doctype' | 'too-deep' | 'malformed'

export class XmlError extends Error {
  readonly code: XmlErrorCode
  constructor(code: XmlErrorCode, message: string) {
    super(message)
    this.name = 'XmlError'
    this.code = code
  }
}

const NAME = /[^\s/>=<"'!?&]+/y
const ATTRIBUTE = /\s+([^\s/>=<"'&]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y
const TAG_END = /\s*(\/?)>/y
const CLOSE_END = /\s*>/y
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
/** The longest reference, `&#x10FFFF;`: this many raw characters always decode to at least one. */
const LONGEST_REFERENCE = 10
/** Raw characters of an attribute value decoded; reports' useful attributes are far shorter. */
const MAX_ATTRIBUTE_RAW = 32 * 1024

/**
 * Scans `text`, calling `handler` for each element and wanted text. Returns true when the root
 * element was closed; false when the input ended first (a cut-off file) or the handler stopped.
 * Throws XmlError for a DOCTYPE, nesting beyond the limit, or markup that is not well-formed.
 */
export function scanXml(text: string, handler: XmlHandler, limits: XmlScanLimits): boolean {
  const stack: string[] = []
  let i = 0
  const n = text.length
  while (i < n) {
    const lt = text.indexOf('<', i)
    const textEnd = lt < 0 ? n : lt
    if (textEnd > i && stack.length > 0) {
      const wanted = handler.wantsText()
      if (wanted > 0) handler.text(decodeReferences(text.slice(i, Math.min(textEnd, i + wanted * LONGEST_REFERENCE))))
    }
    if (lt < 0) break
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4)
      if (end < 0) break
      i = end + 3
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9)
      if (end < 0) break
      const wanted = stack.length > 0 ? handler.wantsText() : 0
      if (wanted > 0) handler.text(text.slice(lt + 9, Math.min(end, lt + 9 + wanted)))
      i = end + 3
    } else if (text.startsWith('<!', lt)) {
      if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) throw new XmlError('doctype', 'the document declares a DOCTYPE (refused: no DTDs or entities)')
      throw new XmlError('malformed', `unexpected markup at offset ${lt}`)
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2)
      if (end < 0) break
      i = end + 2
    } else if (text.startsWith('</', lt)) {
      const name = match(NAME, text, lt + 2)
      if (name === null) throw new XmlError('malformed', `bad end tag at offset ${lt}`)
      const after = lt + 2 + name.length
      if (match(CLOSE_END, text, after) === null) {
        if (text.indexOf('>', after) < 0) break
        throw new XmlError('malformed', `bad end tag at offset ${lt}`)
      }
      const open = stack.pop()
      if (open !== name) throw new XmlError('malformed', `</${clip(name)}> closes <${clip(open ?? '')}> at offset ${lt}`)
      i = CLOSE_END.lastIndex
      if (!handler.close(localName(name))) return false
      if (stack.length === 0) return true
    } else {
      const name = match(NAME, text, lt + 1)
      if (name === null) throw new XmlError('malformed', `bad start tag at offset ${lt}`)
      const attributes = new Map<string, string>()
      let at = lt + 1 + name.length
      for (;;) {
        ATTRIBUTE.lastIndex = at
        const attribute = ATTRIBUTE.exec(text)
        if (!attribute) break
        at = ATTRIBUTE.lastIndex
        // A Map, not an object: attribute names such as `__proto__` stay plain keys.
        if (attributes.size < limits.maxAttributes && !attributes.has(attribute[1])) {
          attributes.set(attribute[1], decodeAttribute((attribute[2] ?? attribute[3] ?? '').slice(0, MAX_ATTRIBUTE_RAW)))
        }
      }
      const end = match(TAG_END, text, at)
      if (end === null) {
        if (text.indexOf('>', at) < 0) break
        throw new XmlError('malformed', `bad start tag <${clip(name)}> at offset ${lt}`)
      }
      i = TAG_END.lastIndex
      if (stack.length >= limits.maxDepth) throw new XmlError('too-deep', `elements nested deeper than ${limits.maxDepth}`)
      const local = localName(name)
      if (!handler.open(local, attributes)) return false
      if (end === '/') {
        if (!handler.close(local)) return false
        if (stack.length === 0) return true
      } else {
        stack.push(name)
      }
    }
  }
  return false
}

/** Text with character and predefined-entity references decoded; anything else stays literal. */
export function decodeReferences(raw: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(REFERENCE, (_all, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return PREDEFINED[named] ?? ''
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10)
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    return valid ? String.fromCodePoint(code) : '\ufffd'
  })
}

/** XML attribute-value normalisation: literal tabs and line breaks are spaces; `&#10;` stays a newline. */
function decodeAttribute(raw: string): string {
  return decodeReferences(raw.replace(/\r\n|[\t\n\r]/g, ' '))
}

function match(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at
  const found = pattern.exec(text)
  return found ? (found[1] ?? found[0]) : null
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name
}
