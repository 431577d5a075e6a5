// What the gateway's HTTP layer uses of auth: who a request's credential belongs to.
export { resolveViewer } from './auth.service.ts';
export { SESSION_COOKIE } from './tokens.ts';
export { ViewerCache } from './viewer-cache.ts';
