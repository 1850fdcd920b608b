import type { Schemas } from './api/client'

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

/** The largest import the api takes (its jiesu.http.max-file-bytes): a larger file is refused before it is read. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

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
