import type { Schemas } from '../api/client'

/** Words typed one a line or separated by commas (Chinese or Latin), blanks dropped. */
export function words(text: string, by: 'lines' | 'commas'): string[] {
  const split = by === 'lines' ? /\r?\n/ : /[,，、;；]/
  return text.split(split).map((w) => w.trim()).filter(Boolean)
}

/** The newest version of an article: what the unit edits next (the api keeps them oldest first, but says so nowhere). */
export function newest(article: Schemas['ArticleView']): Schemas['Version'] | undefined {
  return [...(article.versions ?? [])].sort((a, b) => (b.number ?? 0) - (a.number ?? 0))[0]
}

/** The version that answers now (null while none is published). */
export function answering(article: Schemas['ArticleView']): Schemas['Version'] | undefined {
  return article.versions?.find((v) => v.number === article.publishedVersion)
}

/** An article as the editor holds it: variants one a line, categories comma separated, times as Dates. */
export interface ArticleForm {
  question: string
  variants: string
  answer: string
  internalNote: string
  basisDocument: string
  basisNumber: string
  matters: string[]
  categories: string
  validFrom: Date
  validTo: Date | null
  citizensMaySee: boolean
}

/** A new article, or the next version of one (starting from its newest). */
export function articleForm(from?: Schemas['Version']): ArticleForm {
  return {
    question: from?.question ?? '',
    variants: (from?.variants ?? []).join('\n'),
    answer: from?.answer ?? '',
    internalNote: from?.internalNote ?? '',
    basisDocument: from?.basis?.document ?? '',
    basisNumber: from?.basis?.number ?? '',
    matters: [...(from?.matters ?? [])],
    categories: (from?.categories ?? []).join('，'),
    validFrom: from?.validFrom ? new Date(from.validFrom) : new Date(),
    validTo: from?.validTo ? new Date(from.validTo) : null,
    citizensMaySee: from?.citizensMaySee ?? true,
  }
}

/** What the api takes: empty optional text left out, lists split, times with their offset (UTC). */
export function articleRequest(f: ArticleForm): Schemas['ArticleRequest'] {
  return {
    question: f.question.trim(),
    variants: words(f.variants, 'lines'),
    answer: f.answer.trim(),
    internalNote: f.internalNote.trim() || null,
    basisDocument: f.basisDocument.trim(),
    basisNumber: f.basisNumber.trim() || null,
    matters: f.matters,
    categories: words(f.categories, 'commas'),
    validFrom: f.validFrom.toISOString(),
    validTo: f.validTo ? f.validTo.toISOString() : null,
    citizensMaySee: f.citizensMaySee,
  }
}

export interface NoticeForm {
  kind: Schemas['NoticeKind']
  title: string
  text: string
  areas: { street: string; community: string; place: string }[]
  keywords: string
  period: [Date, Date] | null
  unit: string
}

export function noticeForm(from?: Schemas['NoticeView']): NoticeForm {
  return {
    kind: from?.kind ?? 'water',
    title: from?.title ?? '',
    text: from?.text ?? '',
    areas: from?.areas?.length
      ? from.areas.map((a) => ({ street: a.street ?? '', community: a.community ?? '', place: a.place ?? '' }))
      : [{ street: '', community: '', place: '' }],
    keywords: (from?.keywords ?? []).join('，'),
    period: from?.from && from?.to ? [new Date(from.from), new Date(from.to)] : null,
    unit: from?.unit ?? '',
  }
}

/** What the api takes: blank areas dropped (it names the field if none is left), the unit only when one is chosen. */
export function noticeRequest(f: NoticeForm): Schemas['NoticeRequest'] {
  const blank = (s: string) => s.trim() || null
  return {
    kind: f.kind,
    title: f.title.trim(),
    text: f.text.trim(),
    areas: f.areas
      .map((a) => ({ street: blank(a.street), community: blank(a.community), place: blank(a.place) }))
      .filter((a) => a.street || a.community || a.place),
    keywords: words(f.keywords, 'commas'),
    from: f.period?.[0].toISOString() ?? '',
    to: f.period?.[1].toISOString() ?? '',
    unit: blank(f.unit),
  }
}
