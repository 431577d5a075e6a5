// What the README tells integrators and staff about tokens and sign-in is what the gateway does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_BACKOFF_SECONDS, FREE_SIGN_IN_FAILURES, MAX_BACKOFF_SECONDS, TOKEN_SCOPES } from './auth.service.ts';

const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');

describe('the README', () => {
  it('lists every API token scope the gateway defines, and no other', () => {
    const sentence = /Scopes: (.*?)\.(?: |$)/.exec(readme)?.[1] ?? '';
    const listed = [...sentence.matchAll(/`([a-z]+:[a-z]+)`/g)].map((m) => m[1]);
    expect(listed).toEqual([...TOKEN_SCOPES]);
  });

  it('states the sign-in throttling as the gateway applies it', () => {
    const words = ['', 'one', 'two', 'three', 'four', 'five', 'six'];
    expect(readme).toContain(`after ${words[FREE_SIGN_IN_FAILURES]} wrong passwords for a name from one address`);
    expect(readme).toContain(`(${FIRST_BACKOFF_SECONDS} seconds, doubling up to ${MAX_BACKOFF_SECONDS / 60} minutes;`);
  });
});
