import { describe, expect, it } from 'vitest'
import { routerRule, settled, share } from './routing'

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
})
