import { api, ok, type Schemas } from './client'
import type { paths } from './schema'

type SearchQuery = NonNullable<paths['/v1/search/tickets']['get']['parameters']['query']>
export type TicketPage = Awaited<ReturnType<typeof searchTickets>>
export type TicketSummary = TicketPage['items'] extends (infer T)[] | null | undefined ? T : never
export type Dashboard = Schemas['Dashboard']

/** A caller's earlier tickets (agents only), by the keyed hash of the phone number, which travels in the body. */
export async function callerTickets(phone: string): Promise<TicketSummary[]> {
  const page = await ok(api().POST('/v1/callers/tickets', { body: { phone, limit: 10 } }))
  return page.items ?? []
}

/** One page of a search; pass the page's `next` as `cursor` for the following one. */
export function searchTickets(query: SearchQuery) {
  return ok(api().GET('/v1/search/tickets', { params: { query } }))
}

let board: { etag: string | null; figures: Dashboard | null } = { etag: null, figures: null }

/** The centre's live figures; while nothing changed the api answers 304 and the screen keeps what it has. */
export async function dashboard(): Promise<Dashboard | null> {
  const { data, response } = await api().GET('/v1/dashboard', {
    headers: board.etag ? { 'If-None-Match': board.etag } : {},
  })
  if (response.status === 304) return board.figures
  if (!response.ok) throw new Error(`dashboard: HTTP ${response.status}`)
  board = { etag: response.headers.get('ETag'), figures: data ?? null }
  return board.figures
}
