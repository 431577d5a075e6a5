// Committees, meetings, agenda items, attendance and circulation sign-offs (SPEC §7), read by the API as meetingRepo.
export * from './committees.repository.ts';
export * from './meetings.repository.ts';
export * from './agenda.repository.ts';
export * from './attendance.repository.ts';
export * from './decisions.repository.ts';
export * from './reports.repository.ts';
