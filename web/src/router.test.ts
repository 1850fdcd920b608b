// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { preloadScreen, screens } from './router'
import { signIn, signOut } from './auth/session'

const base64url = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const jwt = (claims: object) => `${base64url('{"alg":"RS256"}')}.${base64url(JSON.stringify(claims))}.signature`

describe('preloadScreen', () => {
  // each screen's loader replaced by a spy, so the test sees which screen's code would be fetched
  const loaders = new Map<string, ReturnType<typeof vi.fn>>()
  const originals = screens.map((s) => s.component)
  beforeEach(() => {
    signOut()
    for (const s of screens) {
      const spy = vi.fn(() => Promise.resolve({}))
      loaders.set(s.path, spy)
      ;(s as { component: unknown }).component = spy
    }
  })
  afterEach(() => screens.forEach((s, i) => ((s as { component: unknown }).component = originals[i])))

  const fetched = () => [...loaders].filter(([, spy]) => spy.mock.calls.length > 0).map(([path]) => path)

  it('fetches the screen the address names, and only that one', () => {
    signIn(jwt({ sub: 'a', groups: ['agent', 'dispatcher'] }))
    preloadScreen('/dispatch')
    expect(fetched()).toEqual(['/dispatch'])
  })

  it('fetches the role’s first screen for the bare address', () => {
    signIn(jwt({ sub: 'u', groups: ['unit'], unit: 'water' }))
    preloadScreen('')
    expect(fetched()).toEqual(['/unit'])
  })

  it('fetches nothing the role cannot open, nor anything before sign-in', () => {
    signIn(jwt({ sub: 'a', groups: ['agent'] }))
    preloadScreen('/admin')
    signOut()
    preloadScreen('/agent')
    expect(fetched()).toEqual([])
  })

  it('reads the path without its query', () => {
    signIn(jwt({ sub: 's', groups: ['supervisor'] }))
    preloadScreen('/supervisor?ticket=T-1')
    expect(fetched()).toEqual(['/supervisor'])
  })
})
