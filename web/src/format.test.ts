import { describe, expect, it } from 'vitest'
import { beijing, byDue, percent, ratio } from './format'
import { monthsUpTo } from './rates'

describe('format', () => {
  it('shows every time in Beijing, whatever the browser zone', () => {
    expect(beijing('2026-11-30T16:30:00Z')).toBe('2026/12/01 00:30')
    expect(beijing(null)).toBe('—')
  })

  it('orders soonest due first and tickets without a due time last', () => {
    const rows = [{ due: null }, { due: '2026-12-02T01:00:00Z' }, { due: '2026-12-01T01:00:00Z' }]
    expect(rows.sort(byDue((r) => r.due)).map((r) => r.due)).toEqual(['2026-12-01T01:00:00Z', '2026-12-02T01:00:00Z', null])
  })

  it('writes a rate as a percentage and leaves an empty one blank', () => {
    expect(percent({ numerator: 1, denominator: 3 })).toBe('33.3%')
    expect(percent({ numerator: 0, denominator: 0 })).toBe('—')
    expect(ratio({ numerator: 3, denominator: 4 })).toBe(0.75)
    expect(ratio(null)).toBeNull()
  })

  it('counts months back across a year', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })
})
