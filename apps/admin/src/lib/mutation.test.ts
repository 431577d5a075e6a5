import { describe, expect, it, vi } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { ApiError, toApiFailure } from './errors.ts';
import { FieldErrors } from './field-errors.svelte.ts';
import { Mutation } from './mutation.svelte.ts';

function refusal(code: string, extensions: Record<string, unknown> = {}): ApiError {
  const error = new GraphQLError('refused', { extensions: { code, messageJa: '拒否', ...extensions } });
  return new ApiError(toApiFailure(new CombinedError({ graphQLErrors: [error] })));
}

describe('Mutation', () => {
  it('runs the action and is busy only while it runs', async () => {
    const action = new Mutation();
    let busyInside = false;
    const done = await action.run(async () => {
      busyInside = action.busy;
    });
    expect(done).toBe(true);
    expect(busyInside).toBe(true);
    expect(action.busy).toBe(false);
    expect(action.failure).toBeNull();
  });

  it('keeps a refusal with its rule IDs and calls onFailure', async () => {
    const onFailure = vi.fn();
    const action = new Mutation({ onFailure });
    const done = await action.run(() => Promise.reject(refusal('FORBIDDEN', { ruleIds: ['KWO-6'] })));
    expect(done).toBe(false);
    expect(action.failure?.code).toBe('FORBIDDEN');
    expect(action.failure?.ruleIds).toEqual(['KWO-6']);
    expect(action.failure?.message).toEqual({ ja: '拒否', en: 'refused' });
    expect(onFailure).toHaveBeenCalledWith(action.failure);
  });

  it('puts field errors under the form’s fields instead of the banner', async () => {
    const form = new FieldErrors(() => ({}));
    const action = new Mutation();
    const fieldErrors = [{ path: ['input', 'title'], code: 'TOO_LONG', message: 'Too long', messageJa: '長すぎます' }];
    const done = await action.run(() => Promise.reject(refusal('BAD_USER_INPUT', { fieldErrors })), { form });
    expect(done).toBe(false);
    expect(action.failure).toBeNull();
    expect(form.for('title')).toBe('長すぎます');
  });

  it('lets anything but a refusal through', async () => {
    const action = new Mutation();
    await expect(action.run(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
    expect(action.busy).toBe(false);
  });
});
