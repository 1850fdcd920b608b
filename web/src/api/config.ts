/** Where the api and (locally) the token server are: public/config.json, so one build serves every deployment. */
export interface ConsoleConfig {
  api: string
  /** the local run's token server ("" = this origin); null where the city's own sign-in issues tokens */
  tokens: string | null
}

let loaded: ConsoleConfig = { api: '', tokens: null }

export async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch('config.json', { cache: 'no-store' })
    if (response.ok) loaded = { ...loaded, ...(await response.json()) }
  } catch {
    // no config.json: the api is on this origin (the development proxy)
  }
  return loaded
}

export function config(): ConsoleConfig {
  return loaded
}
