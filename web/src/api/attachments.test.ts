import { afterEach, describe, expect, it, vi } from 'vitest'
import { contentTypeOf, upload, uploadAll, uploads } from './attachments'
import { config } from './config'

// the api as a deployed console names it (config.json): an absolute base, as fetch outside a page needs
Object.assign(config(), { api: 'http://api.test' })

afterEach(() => vi.unstubAllGlobals())

/** The api's answer to an offer: a URL bound to the checked type and length. */
function apiOffering(url: string) {
  const calls: Request[] = []
  vi.stubGlobal('fetch', async (request: Request) => {
    calls.push(request)
    return new Response(
      JSON.stringify({ attachment: { id: 'a1', fileName: 'photo.jpg' }, method: 'PUT', url, contentType: 'image/jpeg' }),
      { status: 201, headers: { 'Content-Type': 'application/json' } },
    )
  })
  return calls
}

describe('attachments', () => {
  it('takes the type from the file, and HEIC photos by their name when the browser leaves them untyped', () => {
    expect(contentTypeOf({ name: 'a.jpg', type: 'image/jpeg' })).toBe('image/jpeg')
    expect(contentTypeOf({ name: 'IMG_0001.HEIC', type: '' })).toBe('image/heic')
    expect(contentTypeOf({ name: 'IMG_0002.heic', type: 'image/heif' })).toBe('image/heic')
    expect(contentTypeOf({ name: 'letter.pdf', type: 'application/pdf' })).toBe('application/pdf')
  })

  it('asks the api for a URL, then PUTs the bytes straight to storage with the type the URL is bound to', async () => {
    const calls = apiOffering('http://127.0.0.1:9000/bucket/tickets/t1/a1?X-Amz-Signature=s')
    const put = vi.fn(async () => new Response(null, { status: 200 }))
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'photo.jpg', { type: 'image/jpeg' })

    const stored = await upload('t1', file, 'intake', put as unknown as typeof fetch)

    expect(stored.id).toBe('a1')
    expect(new URL(calls[0].url).pathname).toBe('/v1/tickets/t1/attachments')
    expect(await calls[0].json()).toEqual({ fileName: 'photo.jpg', contentType: 'image/jpeg', size: 3, purpose: 'intake' })
    expect(put).toHaveBeenCalledWith('http://127.0.0.1:9000/bucket/tickets/t1/a1?X-Amz-Signature=s',
      { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: file })
  })

  it('fails when storage refuses the bytes, and the lists on screen read the files again all the same', async () => {
    apiOffering('http://127.0.0.1:9000/x')
    const refused = vi.fn(async () => new Response(null, { status: 403 }))
    const file = new File([new Uint8Array(3)], 'photo.jpg', { type: 'image/jpeg' })
    await expect(upload('t1', file, 'intake', refused as unknown as typeof fetch)).rejects.toThrow('HTTP 403')

    const before = uploads.value
    vi.stubGlobal('fetch', async () => new Response('{"title":"wrong-state"}', { status: 409, headers: { 'Content-Type': 'application/problem+json' } }))
    await expect(uploadAll('t1', [file], 'contact')).rejects.toThrow()
    expect(uploads.value).toBe(before + 1)
  })
})
