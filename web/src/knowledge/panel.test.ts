import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { debounce, excerpt, latestOnly, panelItems, question, type DeskNotice } from './panel'

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('asks once, with the last words, when the typing stops for the pause', () => {
    const run = vi.fn()
    const typed = debounce(run, 250)
    typed('暖')
    vi.advanceTimersByTime(100)
    typed('暖气')
    vi.advanceTimersByTime(249)
    expect(run).not.toHaveBeenCalled()
    typed('暖气不热')
    vi.advanceTimersByTime(250)
    expect(run).toHaveBeenCalledTimes(1)
    expect(run).toHaveBeenCalledWith('暖气不热')
  })

  it('asks nothing once cancelled', () => {
    const run = vi.fn()
    const typed = debounce(run, 250)
    typed('停水')
    typed.cancel()
    vi.advanceTimersByTime(1000)
    expect(run).not.toHaveBeenCalled()
  })
})

describe('latestOnly', () => {
  it('drops an answer that arrives after a later question was sent', async () => {
    const pending: Record<string, (v: string) => void> = {}
    const ask = latestOnly((q: string) => new Promise<string>((resolve) => (pending[q] = resolve)))
    const first = ask('暖气')
    const second = ask('暖气不热')
    pending['暖气不热']('answers to 暖气不热')
    pending['暖气']('answers to 暖气')
    expect(await second).toEqual({ current: true, value: 'answers to 暖气不热' })
    expect(await first).toEqual({ current: false })
  })
})

describe('panelItems', () => {
  const notice = (id: string, matches: boolean, from: string, upcoming = false): DeskNotice => ({
    matches, upcoming, notice: { id, from },
  })

  it("puts the notices covering the caller's place first, then the answers, then the district's other notices", () => {
    const items = panelItems(
      [{ articleId: 'a1', version: 2 }, { articleId: 'a2', version: 1 }],
      [notice('elsewhere', false, '2026-11-30T08:00+08:00'), notice('here', true, '2026-11-30T09:00+08:00')],
    )
    expect(items.map((i) => i.key)).toEqual(['n:here', 'a:a1:2', 'a:a2:1', 'n:elsewhere'])
  })

  it('shows a cut in force before an upcoming one, each by its start', () => {
    const items = panelItems([], [
      notice('tomorrow', true, '2026-12-01T08:00+08:00', true),
      notice('later-today', true, '2026-11-30T14:00+08:00'),
      notice('this-morning', true, '2026-11-30T08:00+08:00'),
    ])
    expect(items.map((i) => i.key)).toEqual(['n:this-morning', 'n:later-today', 'n:tomorrow'])
  })

  it('keeps the answers in the order the api ranked them', () => {
    const items = panelItems([{ articleId: 'b' , version: 1 }, { articleId: 'a', version: 1 }], [])
    expect(items.map((i) => i.key)).toEqual(['a:b:1', 'a:a:1'])
  })
})

describe('question and excerpt', () => {
  it('asks about the words without blanks, within the 200 characters the api takes', () => {
    expect(question('  小区  暖气\n不热 ')).toBe('小区 暖气 不热')
    expect(question('暖'.repeat(300))).toHaveLength(200)
  })

  it('cuts a long answer to a line, marking the cut', () => {
    expect(excerpt('一二三四五', 4)).toBe('一二三…')
    expect(excerpt('短答案')).toBe('短答案')
  })
})
