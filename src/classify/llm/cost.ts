/**
 * What an answer cost in US dollars, for the metrics. Prices per million tokens from the
 * providers' public price lists (OpenRouter passes OpenAI's through); a model not in the table is
 * priced like the default model, and marked so.
 */
import type { TokenUsage } from './types.js'

interface Price {
  inputPerMillion: number
  outputPerMillion: number
}

const PRICES = new Map<string, Price>([
  ['gpt-4o', { inputPerMillion: 2.5, outputPerMillion: 10 }],
  ['gpt-4o-mini', { inputPerMillion: 0.15, outputPerMillion: 0.6 }],
  ['gpt-4.1', { inputPerMillion: 2, outputPerMillion: 8 }],
  ['gpt-4.1-mini', { inputPerMillion: 0.4, outputPerMillion: 1.6 }],
  ['gpt-4.1-nano', { inputPerMillion: 0.1, outputPerMillion: 0.4 }],
  ['gpt-5', { inputPerMillion: 1.25, outputPerMillion: 10 }],
  ['gpt-5-mini', { inputPerMillion: 0.25, outputPerMillion: 2 }],
  ['gpt-5-nano', { inputPerMillion: 0.05, outputPerMillion: 0.4 }]
])

const DEFAULT_PRICE = PRICES.get('gpt-4o')!

/** `openai/gpt-4o-2024-08-06` and `gpt-4o` are one price: the provider prefix and the snapshot date go. */
function priceKey(model: string): string {
  return model
    .toLowerCase()
    .replace(/^[a-z0-9-]+\//, '')
    .replace(/-\d{4}-\d{2}-\d{2}$/, '')
}

export function priceOf(model: string): Price & { known: boolean } {
  const price = PRICES.get(priceKey(model))
  return price ? { ...price, known: true } : { ...DEFAULT_PRICE, known: false }
}

/** Rounded to a millionth of a dollar. */
export function costUsd(model: string, usage: TokenUsage): number {
  const price = priceOf(model)
  const usd = (usage.promptTokens * price.inputPerMillion + usage.completionTokens * price.outputPerMillion) / 1_000_000
  return Math.round(usd * 1_000_000) / 1_000_000
}
