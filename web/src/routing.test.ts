import { afterEach, describe, expect, it, vi } from 'vitest'
import { config } from './api/config'
import { share } from './format'
import { delayAfter, importExport, importTypeOf, routerRule, settled } from './routing'

// the api as a deployed console names it (config.json): an absolute base, as fetch outside a page needs
Object.assign(config(), { api: 'http://api.test' })
// the typed client keeps the fetch it was made with: one stand-in api for the file, answering as each test says
const calls: Request[] = []
let answer: (request: Request) => Response = () => new Response(null, { status: 500 })
vi.stubGlobal('fetch', async (request: Request) => {
  calls.push(request)
  return answer(request)
})
afterEach(() => {
  calls.length = 0
})

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
  it('an export goes straight to storage through the offered URL, then its import and training are asked for', async () => {
    const offer = { upload: '20261201T020000Z-1a2b3c4d.csv', url: 'http://127.0.0.1:9000/bucket/imports/u?X-Amz-Signature=s', contentType: 'text/csv', size: 4 }
    answer = (request) => request.url.endsWith('/import-uploads') ? json(201, offer) : json(202, { run: 'r1', state: 'requested', requestedBy: 'import' })
    const put = vi.fn(async () => new Response(null, { status: 200 }))
    const file = new File(['a,b\n'], '2025年工单.CSV', { type: '' })

    const run = await importExport(file, put as unknown as typeof fetch)

    expect(await calls[0].json()).toEqual({ contentType: 'text/csv', size: 4 })
    expect(put).toHaveBeenCalledWith(offer.url, { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: file })
    expect(new URL(calls[1].url).pathname).toBe('/v1/admin/routing/import-uploads/20261201T020000Z-1a2b3c4d.csv/train')
    expect(run.run).toBe('r1')
  })
  it('a refused PUT to storage asks for no training', async () => {
    answer = () => json(201, { upload: 'u.csv', url: 'http://s3/u', contentType: 'text/csv', size: 1 })
    const put = vi.fn(async () => new Response(null, { status: 403 }))

    await expect(importExport(new File(['x'], 'a.csv'), put as unknown as typeof fetch)).rejects.toThrow('a.csv: HTTP 403')
    expect(calls).toHaveLength(1)
  })
})

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}
