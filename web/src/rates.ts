import type { Schemas } from './api/client'

/** The rates in the order docs/rates.md lists them (the six ranked ones, then dispatch accuracy); keys of the api's Rates. */
export const rateKeys = ['response', 'onTimeCompletion', 'completion', 'firstTimeResolution', 'resolution', 'satisfaction', 'dispatchAccuracy'] as const
export type RateKey = (typeof rateKeys)[number]

/** The three the big screen shows as gauges. */
export const headlineRates: RateKey[] = ['response', 'completion', 'satisfaction']

export function rateOf(rates: Schemas['Rates'] | null | undefined, key: RateKey): Schemas['Rate'] | null | undefined {
  return rates?.[key]
}

/** yyyy-MM of a date in Beijing. */
export function monthOf(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(date)
}

/** The months before `month` and it, oldest first: ['2026-06', …, '2026-11']. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number)
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1))
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  })
}
