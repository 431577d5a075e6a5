export * from './committee-rules.ts';
export * from './meetings.ts';
export * from './agenda.ts';
