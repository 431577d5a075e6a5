import { fieldErrorsByField, type ApiFailure } from './errors.ts';
import { pick, type Localized } from './i18n/index.svelte.ts';

/** What `FieldErrors.control` spreads onto an input, a select or a textarea. */
export interface FieldControl {
  name: string;
  'aria-invalid': 'true' | undefined;
  oninput: () => void;
  onblur: () => void;
}

/**
 * The message under each field of a form: the server's for that field when it refused the input,
 * otherwise the form's own check once the field was left or the form submitted.
 */
export class FieldErrors {
  #touched = $state<Record<string, boolean>>({});
  #submitted = $state(false);
  #server = $state<Record<string, Localized>>({});
  readonly #client: () => Record<string, string>;

  constructor(client: () => Record<string, string>) {
    this.#client = client;
  }

  for(field: string): string | null {
    const server = this.#server[field];
    if (server) return pick(server);
    return this.#submitted || this.#touched[field] ? (this.#client()[field] ?? null) : null;
  }

  /** For `aria-invalid`: 'true' while the field shows a message. */
  invalid(field: string): 'true' | undefined {
    return this.for(field) ? 'true' : undefined;
  }

  /**
   * The attributes of a field's control, spread onto it: its name, `aria-invalid`, the server's
   * message forgotten as the person edits it and the form's own check shown once the field is
   * left. `clears` names a further server message an edit makes stale.
   */
  control(field: string, { clears }: { clears?: string } = {}): FieldControl {
    return {
      name: field,
      'aria-invalid': this.invalid(field),
      oninput: () => {
        this.clearServer(field);
        if (clears) this.clearServer(clears);
      },
      onblur: () => this.touch(field),
    };
  }

  touch(field: string): void {
    this.#touched = { ...this.#touched, [field]: true };
  }

  /** Forgets the server's message for a field the person has just changed. */
  clearServer(field: string): void {
    if (!this.#server[field]) return;
    const { [field]: _dropped, ...rest } = this.#server;
    this.#server = rest;
  }

  reset(): void {
    this.#touched = {};
    this.#submitted = false;
    this.#server = {};
  }

  /** On submit: every check shows from now on; true when the form's own checks pass. */
  submit(): boolean {
    this.#submitted = true;
    this.#server = {};
    return Object.keys(this.#client()).length === 0;
  }

  /** Puts a refusal's field errors under their fields; false when it named none (show it whole). */
  fromServer(failure: ApiFailure): boolean {
    this.#server = fieldErrorsByField(failure.fieldErrors);
    return Object.keys(this.#server).length > 0;
  }
}
