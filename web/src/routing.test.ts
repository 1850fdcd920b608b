import { describe, expect, it } from 'vitest'
import { share } from './format'
import { delayAfter, importTypeOf, routerRule, settled } from './routing'

const model = { version: 'v', trainedAt: '2026-12-01T02:00:00Z', examples: 194, units: ['a', 'b'], features: 'char1-3', classifier: 'LIBLINEAR_SVM' }

describe('the router in force, as the admin reads it', () => {
  it('without a model the catalogue routes', () => {
    expect(routerRule(null)).toEqual({ kind: 'none' })
  })
  it('a measured threshold above the configured one is the one in force', () => {
    const m = { ...model, measured: { targetPrecision: 0.95, threshold: 0.87, precision: 0.953, automatic: 0.21, heldOut: 194 }, dispatchesAloneFrom: 0.87 }
    expect(routerRule(m)).toEqual({ kind: 'alone', from: 0.87, measured: true })
  })
  it('a configured threshold above the measured one is the one in force', () => {
    const m = { ...model, measured: { targetPrecision: 0.95, threshold: 0.74, precision: 0.951, automatic: 0.53, heldOut: 194 }, dispatchesAloneFrom: 0.75 }
    expect(routerRule(m)).toEqual({ kind: 'alone', from: 0.75, measured: false })
  })
  it('a model whose training reached no threshold only proposes', () => {
    const m = { ...model, measured: { targetPrecision: 0.95, threshold: null, precision: null, automatic: 0, heldOut: 40 } }
    expect(routerRule(m)).toEqual({ kind: 'proposes' })
  })
  it('shares read as percentages', () => {
    expect(share(0.531)).toBe('53.1%')
    expect(share(null)).toBe('—')
  })
  it('only trained and not-trained runs are settled: a failed one is tried again', () => {
    expect(settled({ run: 'r', state: 'trained' })).toBe(true)
    expect(settled({ run: 'r', state: 'not-trained' })).toBe(true)
    expect(settled({ run: 'r', state: 'failed' })).toBe(false)
    expect(settled({ run: 'r', state: 'requested' })).toBe(false)
  })
  it('an export is CSV by its name, whatever its case, else JSON', () => {
    expect(importTypeOf({ name: '2025年工单.CSV' })).toBe('text/csv')
    expect(importTypeOf({ name: 'tickets.json' })).toBe('application/json')
  })
  it('a run is asked about less and less often, for about fifteen minutes', () => {
    const delays: number[] = []
    for (let n = 0; delayAfter(n) != null; n++) delays.push(delayAfter(n)!)
    expect(delays.slice(0, 5)).toEqual([2000, 4000, 8000, 16000, 30000])
    const total = delays.reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThanOrEqual(15 * 60 * 1000)
    expect(total).toBeLessThan(16 * 60 * 1000)
  })
})
