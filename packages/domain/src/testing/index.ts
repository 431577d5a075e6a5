// What tests across the packages share: dates derived from the test's clock.
export * from './test-calendar.ts';
export { settableClock, type SettableClock } from '../clock.ts';
