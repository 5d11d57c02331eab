/**
 * A ceiling on the tokens one run may spend on the model, created once per run by the caller.
 * Each request is estimated before it is sent and refused when the estimate does not fit what is
 * left; each answer is charged with what the provider reports.
 */
export class TokenBudget {
  readonly limit: number
  private spent = 0

  constructor(maxTokens: number) {
    if (!Number.isInteger(maxTokens) || maxTokens < 0) throw new RangeError(`token budget must be a non-negative integer, got ${maxTokens}`)
    this.limit = maxTokens
  }

  get used(): number {
    return this.spent
  }

  get remaining(): number {
    return Math.max(0, this.limit - this.spent)
  }

  allows(estimatedTokens: number): boolean {
    return estimatedTokens <= this.remaining
  }

  charge(tokens: number): void {
    if (Number.isFinite(tokens) && tokens > 0) this.spent += Math.ceil(tokens)
  }
}

/** Enough for a dozen refined jobs in one run at the prompt caps. */
export const DEFAULT_RUN_TOKEN_BUDGET = 60_000

/**
 * An upper estimate of what a request costs: log text and code tokenize worse than English, so
 * three characters a token rather than four, plus the per-message framing and the whole
 * completion allowance.
 */
export function estimateRequestTokens(request: { messages: ReadonlyArray<{ content: string }>; responseFormat: unknown; maxCompletionTokens: number }): number {
  const chars = request.messages.reduce((sum, m) => sum + m.content.length, 0) + JSON.stringify(request.responseFormat).length
  return Math.ceil(chars / 3) + 4 * request.messages.length + 3 + request.maxCompletionTokens
}
