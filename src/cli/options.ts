/** `--name VALUE` / `--name=VALUE` options of a command, each given at most once; no positionals. */
import { printable } from './run.js'

export type ParsedOptions = Map<string, string>

/** The options by name, or the mistake as one line. */
export function parseOptions(args: readonly string[], names: readonly string[]): ParsedOptions | string {
  const options: ParsedOptions = new Map()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg)
    if (!match) return `unexpected argument '${printable(arg)}'`
    const name = match[1]!
    if (!names.includes(name)) return `unknown option '--${printable(name)}'`
    if (options.has(name)) return `--${name} given twice`
    const value = match[2] ?? args[++i]
    if (value === undefined || value === '') return `--${name} needs a value`
    options.set(name, value)
  }
  return options
}
