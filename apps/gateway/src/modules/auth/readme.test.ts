// What the README tells integrators and staff about tokens and sign-in is what the gateway does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES, TOKEN_SCOPES } from './auth.service.ts';

const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');

describe('the README', () => {
  it('lists every API token scope the gateway defines, and no other', () => {
    const sentence = /Scopes: (.*?)\.(?: |$)/.exec(readme)?.[1] ?? '';
    const listed = [...sentence.matchAll(/`([a-z]+:[a-z]+)`/g)].map((m) => m[1]);
    expect(listed).toEqual([...TOKEN_SCOPES]);
  });

  it('states the sign-in lockout as the gateway applies it', () => {
    const words = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'];
    expect(readme).toContain(`${words[LOCK_AFTER_FAILURES]} wrong passwords lock an account for ${LOCK_MINUTES} minutes.`);
  });
});
