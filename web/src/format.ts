// made on first use: a formatter with a time zone costs the first screen about 30 ms of loading zone data
let shanghai: Intl.DateTimeFormat | undefined

/** Every time on screen is Beijing time, whatever the browser's zone. */
export function beijing(iso?: string | null): string {
  if (!iso) return '—'
  shanghai ??= new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  })
  return shanghai.format(new Date(iso))
}

export function percent(rate?: { numerator?: number | null; denominator?: number | null } | null): string {
  return share(ratio(rate))
}

/** A share as the screens show it: 0.531 → "53.1%". */
export function share(value?: number | null): string {
  return value == null ? '—' : `${(100 * value).toFixed(1)}%`
}

export function ratio(rate?: { numerator?: number | null; denominator?: number | null } | null): number | null {
  return rate?.denominator ? (rate.numerator ?? 0) / rate.denominator : null
}

/** Soonest due first, tickets with no due time last: what a dispatcher or a unit works through. */
export function byDue<T>(due: (t: T) => string | null | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const x = due(a), y = due(b)
    if (!x) return y ? 1 : 0
    if (!y) return -1
    return Date.parse(x) - Date.parse(y)
  }
}
