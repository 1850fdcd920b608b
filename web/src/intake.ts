/**
 * A ticket's subject (工单标题) goes on the first line of its content, the caller's words after it: the router counts a
 * short first line followed by more as the ticket's subject, eight times (README, "Smart dispatch"). Longer than
 * this, the router would read it as a paragraph.
 */
export const SUBJECT_MAX = 50

/** The caller's words, leaving room for a subject line within the api's 4,000 characters of content. */
export const CONTENT_MAX = 4000 - SUBJECT_MAX - 1

/**
 * The content the api receives: the subject, when there is one, on its own first line. Without the caller's words
 * the content stays empty, so the api still asks for them (a subject alone is not a request).
 */
export function withSubject(subject: string, content: string): string {
  const s = subject.replace(/\s+/g, ' ').trim()
  return s && content.trim() ? `${s}\n${content}` : content
}
