import type { Schemas } from './client'

export type TicketSummary = Pick<Schemas['TicketView'], 'id' | 'state' | 'category' | 'content' | 'receivedAt'>

/** A caller's earlier tickets (agents only), by the keyed hash of the phone number. */
export async function callerTickets(_phone: string): Promise<TicketSummary[]> {
  return []
}

/** The big screen's figures: today's counters, the month's rates, the ranking and the latest tickets (names masked). */
export interface Dashboard {
  today: { received: number; dispatched: number; closed: number; overdue: number; byCategory: Record<string, number>; byHour: number[] }
  month: { rates: Record<string, number | null> }
  ranking: { unitId: string; score: number }[]
  latest: { id: string; category: string; summary: string; receivedAt: string }[]
}

export async function dashboard(): Promise<Dashboard | null> {
  return null
}
