import createClient, { type Middleware } from 'openapi-fetch'
import type { components, paths } from './schema'
import { config } from './config'
import { session } from '../auth/session'

export type Schemas = components['schemas']
export type Problem = Schemas['Problem']

/** A refusal from the api (RFC 9457 problem+json): the title, and the fields to fix when it names them. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> & { errors?: { field?: string; message?: string }[] },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
  }

  /** One line for a message box: the detail, then each field and what is wrong with it. */
  describe(): string {
    const fields = (this.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('；')
    return [this.problem.title, this.problem.detail, fields].filter(Boolean).join(' — ')
  }
}

const bearer: Middleware = {
  onRequest({ request }) {
    if (session.token) request.headers.set('Authorization', `Bearer ${session.token}`)
    return request
  },
}

let client: ReturnType<typeof createClient<paths>> | null = null

/** The typed client, generated from the api's OpenAPI document (npm run api): the console cannot drift from it. */
export function api() {
  if (!client) {
    client = createClient<paths>({ baseUrl: config().api })
    client.use(bearer)
  }
  return client
}

/** The body of a successful answer, or an ApiProblem. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call
  if (response.ok) return data as T
  throw new ApiProblem(response.status, (error ?? {}) as ApiProblem['problem'])
}
