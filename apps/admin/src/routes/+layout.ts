// A client-only SPA served by the gateway: nothing is rendered or prerendered at build time.
export const ssr = false;
export const prerender = false;
