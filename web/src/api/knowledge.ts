import { api, ok, type Schemas } from './client'

export type Answer = Schemas['AnswerView']
export type DeskNotice = Schemas['DeskNotice']
export type Article = Schemas['ArticleView']
export type ArticleVersion = Schemas['Version']
export type Notice = Schemas['NoticeView']

/** The answers for a caller's words, best first (staff: with the score). */
export function answers(q: string, limit = 5): Promise<Answer[]> {
  return ok(api().GET('/v1/knowledge/answers', { params: { query: { q, limit } } }))
}

/** The notices in force and upcoming, those covering the place named in the caller's words first. */
export function deskNotices(words: string): Promise<DeskNotice[]> {
  return ok(api().GET('/v1/notices/active', { params: { query: { words: words || undefined } } }))
}

/** The agent says whether the answer read out helped: counted on the article and in its ranking. */
export function feedback(articleId: string, helpful: boolean): Promise<Article> {
  return ok(api().POST('/v1/knowledge/articles/{articleId}/feedback', { params: { path: { articleId } }, body: { helpful } }))
}

/** A citizen's search before filing: published articles marked for citizens, public text only. */
export function publicAnswers(q: string, limit = 5): Promise<Answer[]> {
  return ok(api().GET('/v1/knowledge/public-answers', { params: { query: { q, limit } } }))
}
