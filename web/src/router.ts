import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { hasRole, session, type Role } from './auth/session'

/** Each screen and the roles that work it; the api checks again, the console only shows what the role can use. */
export const screens: (RouteRecordRaw & { meta: { roles: Role[]; nav: string } })[] = [
  { path: '/agent', component: () => import('./views/AgentDesk.vue'), meta: { roles: ['agent'], nav: 'nav.agent' } },
  { path: '/dispatch', component: () => import('./views/DispatchQueue.vue'), meta: { roles: ['dispatcher'], nav: 'nav.dispatcher' } },
  { path: '/unit', component: () => import('./views/UnitWorkbench.vue'), meta: { roles: ['unit', 'reviewer'], nav: 'nav.unit' } },
  { path: '/supervisor', component: () => import('./views/Supervision.vue'), meta: { roles: ['supervisor', 'admin'], nav: 'nav.supervisor' } },
  { path: '/screen', component: () => import('./views/BigScreen.vue'), meta: { roles: ['supervisor', 'admin', 'dispatcher'], nav: 'nav.screen' } },
  { path: '/admin', component: () => import('./views/AdminCatalogue.vue'), meta: { roles: ['admin'], nav: 'nav.admin' } },
  { path: '/knowledge', component: () => import('./views/KnowledgeArticles.vue'), meta: { roles: ['unit', 'reviewer', 'dispatcher', 'admin'], nav: 'nav.knowledge' } },
  { path: '/notices', component: () => import('./views/NoticeBoard.vue'), meta: { roles: ['unit', 'reviewer', 'dispatcher', 'admin'], nav: 'nav.notices' } },
  { path: '/citizen', component: () => import('./views/CitizenService.vue'), meta: { roles: ['citizen'], nav: 'nav.citizen' } },
]

export const router = createRouter({
  // the base is the page without its query: the provider's answer (?code=…&state=…) is spent at start (main.ts) and
  // must not stay in every address the console writes, as the default base (path and query) would keep it
  history: createWebHashHistory(location.pathname),
  routes: [
    { path: '/', redirect: () => firstScreen() },
    { path: '/sign-in', component: () => import('./views/SignIn.vue') },
    ...screens,
  ],
})

export function firstScreen(): string {
  return screens.find((s) => hasRole(...s.meta.roles))?.path ?? '/sign-in'
}

/**
 * Starts fetching the code of the screen an address opens (`/` opens the role's first screen), so the first screen
 * loads beside config.json and the console's start instead of after them; the router later finds it fetched.
 */
export function preloadScreen(path: string): void {
  const wanted = path === '/' || path === '' ? firstScreen() : path.split('?')[0]
  const screen = screens.find((s) => s.path === wanted)
  // a failed fetch is the router's to report, when it asks for the screen itself
  if (screen && hasRole(...screen.meta.roles)) (screen.component as () => Promise<unknown>)().catch(() => undefined)
}

router.beforeEach((to) => {
  if (to.path === '/sign-in') return true
  // the screen asked for goes with the sign-in, so the city's provider can send the user back to it
  if (!session.token) return to.fullPath === '/' ? '/sign-in' : { path: '/sign-in', query: { to: to.fullPath } }
  const roles = (to.meta as { roles?: Role[] }).roles
  if (roles && !hasRole(...roles)) return firstScreen()
  return true
})
