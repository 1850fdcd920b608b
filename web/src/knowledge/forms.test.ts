import { describe, expect, it } from 'vitest'
import { articleForm, articleRequest, newest, noticeForm, noticeRequest, words } from './forms'

describe('words', () => {
  it('splits on lines or on Chinese and Latin commas, dropping blanks', () => {
    expect(words('暖气不热\n\n 家里不热 \n', 'lines')).toEqual(['暖气不热', '家里不热'])
    expect(words('供暖，暖气,采暖、 ', 'commas')).toEqual(['供暖', '暖气', '采暖'])
  })
})

describe('articles', () => {
  const article = {
    id: 'kb-1', publishedVersion: 1,
    versions: [
      { number: 1, question: '暖气什么时候开始供应？', answer: '11月15日', matters: ['heating-not-warm'], validFrom: '2026-11-01T00:00:00Z' },
      { number: 2, question: '供暖季从哪天开始？', variants: ['暖气哪天来'], answer: '每年11月15日', categories: ['供暖'],
        basis: { document: '北京市供热采暖管理办法', number: '市政府令第216号' }, matters: ['heating-not-warm'],
        validFrom: '2026-11-01T00:00:00Z', citizensMaySee: false },
    ],
  }

  it('edits the newest version, whatever order the versions come in', () => {
    expect(newest({ ...article, versions: [...article.versions].reverse() })?.number).toBe(2)
  })

  it('sends the next version as the unit left the form, with the optional text left out when blank', () => {
    const form = articleForm(newest(article))
    expect(form.variants).toBe('暖气哪天来')
    const sent = articleRequest({ ...form, internalNote: '  ', variants: '暖气哪天来\n什么时候来暖气' })
    expect(sent).toMatchObject({
      question: '供暖季从哪天开始？', variants: ['暖气哪天来', '什么时候来暖气'], internalNote: null,
      basisDocument: '北京市供热采暖管理办法', basisNumber: '市政府令第216号', categories: ['供暖'],
      validFrom: '2026-11-01T00:00:00.000Z', validTo: null, citizensMaySee: false,
    })
  })

  it('starts a new article valid from now, for citizens too', () => {
    const form = articleForm()
    expect(form.citizensMaySee).toBe(true)
    expect(Math.abs(form.validFrom.getTime() - Date.now())).toBeLessThan(5000)
  })
})

describe('notices', () => {
  it('sends only the areas filled in, and the unit only when one is chosen', () => {
    const form = noticeForm()
    form.title = ' 和平里停水 '
    form.areas.push({ street: '', community: '和平里社区', place: '' }, { street: '', community: ' ', place: '' })
    form.period = [new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T08:00:00Z')]
    form.keywords = '没水，水压低'
    expect(noticeRequest(form)).toEqual({
      kind: 'water', title: '和平里停水', text: '', keywords: ['没水', '水压低'], unit: null,
      areas: [{ street: null, community: '和平里社区', place: null }],
      from: '2026-12-01T00:00:00.000Z', to: '2026-12-01T08:00:00.000Z',
    })
  })
})
