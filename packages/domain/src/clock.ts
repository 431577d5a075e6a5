/**
 * Where the product reads the current instant. The gateway, its workers and every domain decision
 * are given one clock; nothing else reads the system time for a decision or a record. Tests move
 * it (a settable clock) instead of depending on the day they run.
 */
export type Clock = () => Date;

/** The machine's time: the clock of the running product. */
export const systemClock: Clock = () => new Date();

/** A clock a test (or a benchmark) sets and moves; `null` returns it to the system time. */
export interface SettableClock {
  readonly now: Clock;
  set(at: Date | null): void;
  /** Moves the set instant (or the system time, when none is set) by `ms`. */
  advance(ms: number): void;
}

export function settableClock(start: Date | null = null): SettableClock {
  let at: Date | null = start;
  return {
    now: () => (at ? new Date(at.getTime()) : new Date()),
    set(next) {
      at = next ? new Date(next.getTime()) : null;
    },
    advance(ms) {
      at = new Date((at ?? new Date()).getTime() + ms);
    },
  };
}
