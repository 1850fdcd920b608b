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

/** A share as the screens show it: 0.531 → "53.1%". */
export function share(value?: number | null): string {
  return value == null ? '—' : `${(100 * value).toFixed(1)}%`
}

/**
 * Whether the console may stop asking how a training run went: trained and not-trained are final; a failed run is
 * tried again by the training function, so it is asked about until it ends or the console gives up.
 */
export function settled(run: Schemas['RunView']): boolean {
  return run.state === 'trained' || run.state === 'not-trained'
}
