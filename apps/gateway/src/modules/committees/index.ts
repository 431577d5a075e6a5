// What other modules use of committees: a meeting created with its agenda proposed (the demo workflows).
export { createMeeting } from './meeting.service.ts';
