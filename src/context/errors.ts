/**
 * A mistake in how the action is set up (inputs, config file, event) rather than a bug or an
 * outage: reported as one clear line, without a stack trace, before any effect happens.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigurationError'
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
