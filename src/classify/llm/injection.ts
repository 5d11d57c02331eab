/**
 * Typical prompt-injection phrasing in text that reaches the model. Finding it changes nothing
 * about the outcome (the controls are the fenced prompt, the schema and the policy, not this
 * list); it is recorded so people can see that someone tried.
 */
import type { InjectionReport } from './types.js'

const SIGNALS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  [
    'ignore-instructions',
    /\b(?:ignore|disregard|forget|override)\b.{0,40}\b(?:previous|prior|above|earlier|preceding|all|your|system)\b.{0,30}\b(?:instructions?|prompts?|rules|directions|guidelines|context)\b/i
  ],
  ['new-instructions', /\b(?:new|updated|real|actual|additional)\s+(?:system\s+)?(?:instructions?|prompt)\s*:/i],
  ['role-tag', /<\/?\s*(?:system|assistant|developer|user|tool)\s*>|<\|(?:im_start|im_end|system|assistant|user|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>/i],
  ['persona', /\b(?:you are now (?:a|an|the|my|in developer|acting)\b|from now on,? you\b|pretend (?:to be|you are)\b|act as (?:a|an|the) )/i],
  ['verdict-steering', /\b(?:classify|categori[sz]e|label|report|mark) (?:this|it|the failure|this failure|this job) as\b/i],
  ['fence-spoof', /<<<\s*[A-Z]+-[0-9a-f]{4,}|\b[A-Z]+-[0-9a-f]{4,}\s*>>>/]
]

/** At most this much of each text is scanned: the prompt is capped far below it anyway. */
const SCAN_CHARS = 20_000

export function detectInjection(texts: Iterable<string>): InjectionReport {
  const found = new Set<string>()
  for (const text of texts) {
    const scanned = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text
    for (const [name, pattern] of SIGNALS) if (!found.has(name) && pattern.test(scanned)) found.add(name)
    if (found.size === SIGNALS.length) break
  }
  const injectionSignals = SIGNALS.map(([name]) => name).filter((name) => found.has(name))
  return { suspectedInjection: injectionSignals.length > 0, injectionSignals }
}
