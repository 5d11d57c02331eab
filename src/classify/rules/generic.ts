/**
 * Last resort: lines that say an error happened without saying which. They let the excerpt and
 * the summary point at the error, but never make a confident verdict (category `other`).
 */
import type { Rule } from './types.js'

export const GENERIC_RULES: readonly Rule[] = [
  {
    id: 'generic.exception',
    category: 'other',
    patterns: [/^(?:Exception in thread "[^"]{1,100}" )?(?:[a-z_]\w*\.){1,10}[A-Z]\w{0,100}(?:Exception|Error): .{1,500}/, /^(?:[A-Z]\w{0,100}(?:Exception|Error)): .{1,500}/, /^Traceback \(most recent call last\):$/],
    strength: 1,
    confidence: 0.3,
    summary: 'The job failed with an unhandled error: {line}',
    examples: ['java.lang.IllegalArgumentException: java.nio.file.NoSuchFileException: ../data/astor_399.log', "NameError: name 'Github' is not defined", 'Traceback (most recent call last):'],
    source: 'JVM and Python exception formats'
  },
  {
    id: 'generic.error-line',
    category: 'other',
    patterns: [/^(?:Error|ERROR|error|FATAL|fatal|Fatal)(?:\[\w{1,20}\])?:\s*\S.{0,500}/, /^\[ERROR\]\s+\S.{0,500}/],
    strength: 1,
    confidence: 0.25,
    summary: 'The job failed: {line}',
    examples: ['Error: something went wrong', 'fatal: ref HEAD is not a symbolic ref', '[ERROR] Failed to execute goal x'],
    source: 'common CLI error prefixes'
  }
]
