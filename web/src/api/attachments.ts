import { ref } from 'vue'
import { api, ok, type Schemas } from './client'

export type Attachment = Schemas['AttachmentView']
export type Purpose = Schemas['AttachmentPurpose']

/** What the api takes (AttachmentRules): photos as phones take them, and PDFs. */
export const accepted = 'image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf'

/** Bumped after each upload, so every list of a ticket's files on the screen reads them again. */
export const uploads = ref(0)

/**
 * The file's type as the api wants it. Browsers leave HEIC (iPhone photos) untyped or call it image/heif; the name
 * tells then.
 */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type && file.type !== 'image/heif') return file.type
  return /\.(heic|heif)$/i.test(file.name) ? 'image/heic' : file.type || 'application/octet-stream'
}

/**
 * Attaches one file: the api records it and offers a pre-signed URL, then the browser PUTs the bytes straight to
 * the bucket with the same type (the URL is bound to type and length). The bytes never pass through the api.
 */
export async function upload(ticketId: string, file: File, purpose: Purpose, put: typeof fetch = fetch): Promise<Attachment> {
  const offer = await ok(
    api().POST('/v1/tickets/{id}/attachments', {
      params: { path: { id: ticketId } },
      body: { fileName: file.name, contentType: contentTypeOf(file), size: file.size, purpose },
    }),
  )
  await putToStorage(offer.url!, offer.contentType!, file, put)
  return offer.attachment!
}

/** PUTs a file to a pre-signed URL with the type the URL is bound to: the bytes go straight to the bucket. */
export async function putToStorage(url: string, contentType: string, file: File, put: typeof fetch = fetch): Promise<void> {
  const stored = await put(url, { method: 'PUT', headers: { 'Content-Type': contentType }, body: file })
  if (!stored.ok) throw new Error(`${file.name}: HTTP ${stored.status}`)
}

/** Attaches the files one after the other; the lists on screen read the ticket's files again afterwards. */
export async function uploadAll(ticketId: string, files: File[], purpose: Purpose): Promise<number> {
  try {
    for (const file of files) await upload(ticketId, file, purpose)
  } finally {
    if (files.length > 0) uploads.value++
  }
  return files.length
}

export function listOf(ticketId: string): Promise<Attachment[]> {
  return ok(api().GET('/v1/tickets/{id}/attachments', { params: { path: { id: ticketId } } }))
}

/** A short-lived pre-signed URL to read the file from (only for whoever may read the ticket). */
export async function urlOf(ticketId: string, attachmentId: string): Promise<string> {
  const transfer = await ok(
    api().GET('/v1/tickets/{id}/attachments/{attachmentId}', { params: { path: { id: ticketId, attachmentId } } }),
  )
  return transfer.url!
}
