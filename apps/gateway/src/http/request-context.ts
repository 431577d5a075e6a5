import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The correlation id of the HTTP request being served, for logs and masked errors. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string => requestScope.getStore()?.requestId ?? randomUUID();
