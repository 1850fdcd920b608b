import { putToStorage } from './api/attachments'
import { api, ok, type Schemas } from './api/client'

/** From which confidence the router in force dispatches without a dispatcher, as the admin screen says it. */
export type RouterRule =
  | { kind: 'none' } // no model yet: the catalogue's keywords route
  | { kind: 'proposes' } // its training reached no threshold for the target precision: dispatchers decide every ticket
  | { kind: 'alone'; from: number; measured: boolean } // at or above `from`; measured: its training set it

export function routerRule(model: Schemas['ModelView'] | null): RouterRule {
  if (!model) return { kind: 'none' }
  if (model.dispatchesAloneFrom == null) return { kind: 'proposes' }
  const measured = model.measured?.threshold != null && model.measured.threshold >= model.dispatchesAloneFrom
  return { kind: 'alone', from: model.dispatchesAloneFrom, measured }
}

/**
 * Whether the console may stop asking how a training run went: trained and not-trained are final; a failed run is
 * tried again by the training function, so it is asked about until it ends or the console gives up.
 */
export function settled(run: Schemas['RunView']): boolean {
  return run.state === 'trained' || run.state === 'not-trained'
}

/** An export's type as the api wants it: a CSV by its name (Excel writes .CSV too), else JSON. */
export function importTypeOf(file: { name: string }): string {
  return /\.csv$/i.test(file.name) ? 'text/csv' : 'application/json'
}

/**
 * How long to wait before asking about a run again, or null to stop: 2, 4, 8, 16 s, then every 30 s, for about
 * fifteen minutes in all (the training function's time limit; a large history trains for minutes).
 */
export function delayAfter(asked: number): number | null {
  return asked >= 34 ? null : Math.min(2000 * 2 ** asked, 30000)
}

/**
 * A city's export of past tickets, of any size: the api offers a pre-signed URL, the file goes straight to storage,
 * then the training function is asked to import it and train. The run to follow comes back; a row at fault ends it
 * not-trained, with the row named.
 */
export async function importExport(file: File, put: typeof fetch = fetch): Promise<Schemas['RunView']> {
  const offer = await ok(api().POST('/v1/admin/routing/import-uploads', { body: { contentType: importTypeOf(file), size: file.size } }))
  await putToStorage(offer.url!, offer.contentType!, file, put)
  return ok(api().POST('/v1/admin/routing/import-uploads/{upload}/train', { params: { path: { upload: offer.upload! } } }))
}
