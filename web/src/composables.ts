import { onMounted, onUnmounted, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { api, ApiProblem, ok, type Schemas } from './api/client'

/** Runs an action, shows the api's refusal if there is one, and tells whether it went through. */
export async function attempt(action: () => Promise<unknown>, success?: string): Promise<boolean> {
  try {
    await action()
    if (success) ElMessage.success(success)
    return true
  } catch (e) {
    ElMessage.error(e instanceof ApiProblem ? e.describe() : String(e))
    return false
  }
}

/** The catalogue's units and matters, read once per screen. */
export function useCatalogue() {
  const catalogue = ref<Schemas['RoutingCatalogue']>({ units: [], matters: [] })
  const load = async () => {
    catalogue.value = await ok(api().GET('/v1/catalogue'))
  }
  onMounted(load)
  const unitName = (id?: string | null) => catalogue.value.units?.find((u) => u.id === id)?.name ?? id ?? '—'
  return { catalogue, load, unitName }
}

/** Calls `refresh` now and every `seconds`, while the screen is open. */
export function usePolling(refresh: () => Promise<unknown>, seconds: number) {
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    refresh()
    timer = setInterval(refresh, seconds * 1000)
  })
  onUnmounted(() => clearInterval(timer))
}

type Answer<T> = { data?: T[]; error?: unknown; response: Response }

/**
 * Every page of an inbox or queue, following the Next-Cursor header (at most `most` pages), so a screen can order
 * the whole list by lateness and due time.
 */
export async function allPages<T>(page: (cursor?: string) => Promise<Answer<T>>, most = 20): Promise<T[]> {
  const all: T[] = []
  let cursor: string | undefined
  for (let i = 0; i < most; i++) {
    const answer = await page(cursor)
    all.push(...(await ok(Promise.resolve(answer))))
    cursor = answer.response.headers.get('Next-Cursor') ?? undefined
    if (!cursor) break
  }
  return all
}
