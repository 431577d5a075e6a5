import type { dashboardJa } from './dashboard.ja.ts';

export const dashboardEn: Record<keyof typeof dashboardJa, string> = {
  'nav.dashboard': 'Dashboard',

  'duration.minutes': '{m} min',
  'duration.hours': '{h} h {m} min',
  'duration.days': '{d} d {h} h',

  'dashboard.title': 'Dashboard',
  'dashboard.lead': 'Operations work that is overdue or due, incidents not yet resolved, maintenance stops, licence use and the meetings to come, at a glance.',
  'dashboard.meetings.title': 'Meetings to come',
  'dashboard.meetings.none': 'No meeting is scheduled.',
  'dashboard.meetings.all': 'All meetings',
};
