/** The few logging calls the pipeline makes, injected so tests can record them. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {} }
