export * from './committee-rules.ts';
export * from './meetings.ts';
export * from './agenda.ts';
export * from './meeting-transitions.ts';
export * from './agenda-candidates.ts';
