/**
 * The agent desk's answers-and-notices panel, without Vue: what is asked (debounced, the latest question only) and
 * in which order it shows (notices that cover the caller's place first, then the answers, then the district's
 * other notices).
 */

/** The words worth asking about: trimmed, blanks folded, cut to what the api takes (200 characters). */
export function question(words: string): string {
  return words.replace(/\s+/g, ' ').trim().slice(0, 200)
}

/**
 * Calls `run` once the calls have stopped for `ms` milliseconds, with the last arguments: the panel asks the api
 * when the agent pauses, not at every key. `cancel` drops a pending call (the screen closes, the form is cleared).
 */
export function debounce<A extends unknown[]>(run: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const call = (...args: A) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      run(...args)
    }, ms)
  }
  call.cancel = () => {
    clearTimeout(timer)
    timer = undefined
  }
  return call
}

/**
 * Keeps only the newest of overlapping asks: an answer that arrives after a later question was sent is dropped, so
 * a slow reply to "暖气" cannot overwrite the answers to "暖气不热".
 */
export function latestOnly<Q, R>(ask: (q: Q) => Promise<R>) {
  let sent = 0
  return async (q: Q): Promise<{ current: boolean; value?: R }> => {
    const mine = ++sent
    const value = await ask(q)
    return mine === sent ? { current: true, value } : { current: false }
  }
}

/** What the panel needs of an answer (the api's AnswerView). */
export interface DeskAnswer {
  articleId?: string | null
  version?: number | null
}

/** What the panel needs of a desk notice (the api's DeskNotice). */
export interface DeskNotice {
  matches?: boolean | null
  upcoming?: boolean | null
  notice?: { id?: string | null; from?: string | null } | null
}

export type PanelItem<A, N> = { kind: 'notice'; key: string; notice: N } | { kind: 'answer'; key: string; answer: A }

/**
 * The panel's rows: notices covering the caller's place first (a water cut explains the call before any article
 * does; in force before upcoming, then by start), then the answers best first, then the other notices by start.
 */
export function panelItems<A extends DeskAnswer, N extends DeskNotice>(answers: A[], notices: N[]): PanelItem<A, N>[] {
  const byStart = (a: N, b: N) =>
    Number(!!a.upcoming) - Number(!!b.upcoming) || (a.notice?.from ?? '').localeCompare(b.notice?.from ?? '')
  const notice = (n: N): PanelItem<A, N> => ({ kind: 'notice', key: 'n:' + n.notice?.id, notice: n })
  const matching = notices.filter((n) => n.matches).sort(byStart).map(notice)
  const others = notices.filter((n) => !n.matches).sort(byStart).map(notice)
  const hits = answers.map((a): PanelItem<A, N> => ({ kind: 'answer', key: `a:${a.articleId}:${a.version}`, answer: a }))
  return [...matching, ...hits, ...others]
}

/** The first lines of an answer, for the panel: the agent opens the whole text to read it out. */
export function excerpt(text: string | null | undefined, most = 80): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim()
  return flat.length > most ? flat.slice(0, most - 1) + '…' : flat
}
