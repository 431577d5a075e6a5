import { ApiError, type ApiFailure } from './errors.ts';
import type { FieldErrors } from './field-errors.svelte.ts';
import type { Localized } from './i18n/index.svelte.ts';

export interface RunOptions {
  /** Puts a BAD_USER_INPUT refusal's field errors under the form's fields instead of the banner. */
  form?: FieldErrors;
  /** Called after a refusal is shown (e.g. reload on CONFLICT). */
  onFailure?: (failure: ApiFailure) => void | Promise<void>;
}

/** Options for a screen that reloads when the gateway says it is out of date (CONFLICT). */
export function reloadOnConflict(reload: () => unknown): RunOptions {
  return { onFailure: async (failure) => void (failure.code === 'CONFLICT' ? await reload() : undefined) };
}

/**
 * One way to run a mutation from a screen: `busy` while it runs, the gateway's refusal as a typed
 * `failure` (bilingual message, rule IDs, reference) for `<ActionNotice>`, field errors under their
 * fields, and a bilingual `notice` for what was done.
 */
export class Mutation {
  busy = $state(false);
  failure = $state<ApiFailure | null>(null);
  notice = $state<Localized | null>(null);
  readonly #defaults: RunOptions;

  constructor(defaults: RunOptions = {}) {
    this.#defaults = defaults;
  }

  /** Forgets the last outcome. */
  clear(): void {
    this.failure = null;
    this.notice = null;
  }

  /**
   * Runs `action` (a mutation, or a query run on demand); true when it went through. A refusal from the gateway (ApiError) becomes
   * `failure` or the form's field errors; anything else is a bug and propagates.
   */
  async run(action: () => Promise<unknown>, options: RunOptions = {}): Promise<boolean> {
    const { form, onFailure } = { ...this.#defaults, ...options };
    this.busy = true;
    this.clear();
    try {
      await action();
      return true;
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      const failure = cause.failure;
      if (failure.code === 'BAD_USER_INPUT' && form?.fromServer(failure)) return false;
      this.failure = failure;
      await onFailure?.(failure);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /**
   * A form's submit handler: stops the browser's submit, runs the form's own checks and, when
   * they pass and nothing is running, the action.
   */
  async submit(event: SubmitEvent, form: FieldErrors, action: () => Promise<unknown>, options: RunOptions = {}): Promise<boolean> {
    event.preventDefault();
    this.failure = null;
    if (!form.submit() || this.busy) return false;
    return this.run(action, { form, ...options });
  }
}
