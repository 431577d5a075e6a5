import type { registryJa } from './registry.ja.ts';

export const registryEn: Record<keyof typeof registryJa, string> = {
  'dashboard.licences.title': 'Licence use',
  'dashboard.licences.none': 'No system has licences registered.',
  'dashboard.licences.summary': '{purchased} purchased · {allocated} held by {sections} sections · {free} free',
  'dashboard.licences.alt': '{system}: of {purchased} licences purchased, {sections} sections hold {allocated} and {free} are free. Largest holders: {top}.',
  'dashboard.licences.free': 'Free',
  'dashboard.licences.others': '{count} other section|{count} other sections',
  'dashboard.licences.table': 'Show the sections as a table',
  'dashboard.licences.section': 'Section',
  'dashboard.licences.count': 'Licences',
  'dashboard.licences.total': 'Purchased',
  'dashboard.licences.over': 'The sections hold more licences than were purchased.',
};
