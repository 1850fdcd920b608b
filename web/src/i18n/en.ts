import type zh from './zh-CN'

/** English, the console's second language; typed against zh-CN so a missing key fails the type check. */
const en: typeof zh = {
  app: { title: '12345 Jiesu', signOut: 'Sign out', signedInAs: 'Signed in as' },
  nav: { agent: 'Agent desk', dispatcher: 'Dispatch', unit: 'Unit', supervisor: 'Supervision', screen: 'Big screen', admin: 'Admin' },
  signIn: {
    title: 'Sign in', token: 'Access token (JWT)', submit: 'Sign in', localRole: 'Local run: a token per role', unit: 'Unit',
    badToken: 'The token cannot be read',
  },
  role: {
    agent: 'Agent', dispatcher: 'Dispatcher', unit: 'Unit staff', reviewer: 'Reviewer', supervisor: 'Supervisor', admin: 'Admin',
    citizen: 'Citizen', system: 'System', province: 'Province', centre: 'Centre',
  },
  category: { consultation: 'Consultation', help_request: 'Help request', suggestion: 'Suggestion', complaint: 'Complaint', report: 'Report' },
  channel: { phone: 'Phone', web: 'Web', mobile: 'Mobile', wechat: 'WeChat', province: 'Province', leader_hotline: 'Leader line' },
  state: {
    received: 'Received', awaiting_dispatch: 'Awaiting dispatch', dispatched: 'Dispatched', signed: 'Signed', returned: 'Returned',
    joint_review: 'Joint review', replied: 'Replied', awaiting_callback: 'Awaiting callback', rated: 'Rated', closed: 'Closed',
  },
  satisfaction: { satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', unsatisfied: 'Unsatisfied' },
  contactKind: { first: 'First contact', result: 'Result contact', on_site: 'On-site visit' },
  outcome: { solved: 'Solved', explained: 'Explained' },
  closure: { answered_on_spot: 'Answered on the spot', satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', explained: 'Explained' },
  ticket: {
    id: 'Ticket', state: 'State', category: 'Category', channel: 'Channel', content: 'Content', citizenName: 'Citizen',
    citizenPhone: 'Phone', location: 'Location', matter: 'Matter', receivedAt: 'Received', leadUnit: 'Lead unit',
    coUnits: 'Co-units', dueAt: 'Due', overdue: 'Overdue', signedLate: 'Signed late', provincial: 'From the province', history: 'History',
    reply: 'Reply', escalation: 'Escalation', reopenCount: 'Reopened', none: 'None',
  },
  agent: {
    title: 'Agent desk', file: 'File ticket (Ctrl+Enter)', answeredOnSpot: 'Answered on the spot (a consultation, never dispatched)',
    filed: 'Ticket filed: {id}', earlier: "Caller's earlier tickets", earlierHint: "Type the phone number to see the caller's earlier tickets",
    earlierNone: 'No earlier tickets', knowledge: 'Knowledge base and notices', knowledgeEmpty: 'When the knowledge base lands, answers and notices of cuts appear here as the call goes on',
    callback: 'Callback', solved: 'Solved', record: 'Record callback', recorded: 'Callback recorded',
  },
  dispatcher: {
    title: 'Dispatch queue', empty: 'No ticket waits for a dispatcher', dispatch: 'Dispatch', dispatched: 'Dispatched to {unit}',
    suggestion: 'Suggested', oldestFirst: 'Soonest due first',
  },
  unit: {
    title: 'Unit workbench', inbox: 'Inbox', sign: 'Sign', return: 'Return', returnReason: 'Reason', contact: 'Contact the citizen',
    note: 'Note', extension: 'Ask for more days', days: 'Working days', reason: 'Reason', replyDraft: 'Reply', result: 'Result',
    policyBasis: 'Policy basis', handlerName: 'Handler', handlerPhone: "Handler's phone", send: 'Approve and send', done: 'Done',
    lateFirst: 'Late and near-deadline first', decide: 'Decide extension', approve: 'Approve', refuse: 'Refuse', open: 'Open',
  },
  supervisor: {
    overdueList: 'Overdue and escalated tickets', title: 'Supervision', rates: 'Rates by unit', ranking: 'Monthly ranking', month: 'Month', from: 'From', to: 'To', lookup: 'Find ticket',
    score: 'Score', rank: 'Rank', bottom: 'Bottom', trend: 'Trend',
  },
  rate: {
    dispatchAccuracy: 'Dispatch accuracy', routerDispatchAccuracy: 'Router dispatch accuracy', handDispatchAccuracy: 'Hand dispatch accuracy',
    response: 'Response', onTimeCompletion: 'On-time completion', completion: 'Completion', firstTimeResolution: 'First-time resolution',
    resolution: 'Resolution', satisfaction: 'Satisfaction',
  },
  screen: {
    title: '12345 Hotline live', today: 'Today', received: 'Taken in', dispatched: 'Dispatched', closed: 'Closed', overdue: 'Overdue',
    byCategory: 'By category', byHour: 'Taken in by hour', ranking: "This month's ranking", latest: 'Latest tickets', updated: 'Updated',
  },
  admin: {
    title: 'Admin', catalogue: 'Routing catalogue', units: 'Units', matters: 'Matters', keywords: 'Keywords', headEmail: "Head's email",
    name: 'Name', code: 'Code', group: 'Group', save: 'Save catalogue', saved: 'Saved', calendar: 'Holiday lists',
    year: 'Year', upload: 'Upload holiday list', loaded: 'Loaded', notLoaded: 'Not loaded', add: 'Add', remove: 'Remove',
  },
  event: {
    ticket_received: 'Received',
    answered_on_spot: 'Answered on the spot',
    ticket_dispatched: 'Dispatched',
    awaiting_dispatcher: 'Sent to a dispatcher',
    ticket_signed: 'Signed',
    ticket_returned: 'Returned',
    sent_for_rerouting: 'Sent for rerouting',
    sent_to_joint_review: 'Sent to joint review',
    citizen_contacted: 'Citizen contacted',
    ticket_replied: 'Replied',
    callback_window_opened: 'Callback window opened',
    callback_recorded: 'Callback recorded',
    ticket_closed: 'Closed',
    ticket_reopened: 'Reopened',
    dispatch_overdue: 'Dispatch overdue',
    sign_overdue: 'Sign overdue',
    reply_reminded: 'Reply reminder',
    reply_overdue: 'Reply overdue',
    escalated: 'Escalated',
    extension_requested: 'Extension asked',
    extension_approved: 'Extension approved',
    extension_refused: 'Extension refused',
    file_attached: 'File attached',
  },
  attachment: {
    title: 'Files', choose: 'Add photos or PDFs', hint: 'JPEG, PNG, WebP, HEIC photos or PDF', uploaded: 'Files uploaded: {n}',
    failed: 'A file could not be uploaded', intake: 'Intake', contact: 'Contact', reply: 'Reply',
  },
  common: { refresh: 'Refresh', cancel: 'Cancel', confirm: 'OK', loading: 'Loading…', more: 'Load more', search: 'Search' },
}
export default en
