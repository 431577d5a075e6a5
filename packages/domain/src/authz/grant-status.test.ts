import { describe, expect, it } from 'vitest';
import { grantChangeRefusal, grantStatus, GRANT_STATES, type GrantRecord, type GrantState } from './grant-status.ts';

// Instants relative to now, in whole days (no calendar date written into the test).
const NOW = Date.now();
const day = (n: number) => new Date(NOW + n * 86_400_000).toISOString();
const dateOf = (n: number) => new Date(NOW + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

const base: GrantRecord = {
  granteeStaffId: 'grantee',
  positionId: null,
  requestedAt: day(-10),
  requestedByStaffId: 'requester',
  validFrom: day(-10),
  validTo: null,
  suspendedAt: null,
  revokedAt: null,
  ownerPositionIds: ['owner-a', 'owner-b'],
  approvals: [],
  changes: [],
};
const approvedBoth = {
  approvals: [
    { ownerPositionId: 'owner-a', at: day(-9), byStaffId: 'a', onBehalfOfStaffId: null },
    { ownerPositionId: 'owner-b', at: day(-8), byStaffId: 'deputy-b', onBehalfOfStaffId: 'b' },
  ],
};
const status = (g: Partial<GrantRecord>, tenures: { staffId: string; positionId: string; from: string; to?: string | null }[] = []) => {
  const s = grantStatus({ ...base, ...g }, new Date(NOW), { tenures });
  return [s.state, s.since, s.byStaffId, s.onBehalfOfStaffId];
};

describe('the state of a viewing grant, and who brought it there when', () => {
  it.each<[string, Partial<GrantRecord>, [GrantState, string, string | null, string | null]]>([
    ['requested, no owner has approved', {}, ['PENDING_APPROVAL', day(-10), 'requester', null]],
    ['one of two owners approved (KWW-5-2)', { approvals: approvedBoth.approvals.slice(0, 1) }, ['PARTLY_APPROVED', day(-9), 'a', null]],
    ['every owner approved, the last by a deputy', approvedBoth, ['ACTIVE', day(-8), 'deputy-b', 'b']],
    ['approved before its first day', { ...approvedBoth, validFrom: day(3) }, ['NOT_YET_VALID', day(-8), 'deputy-b', 'b']],
    ['approved before its first day, which has come: valid by the calendar', { ...approvedBoth, validFrom: day(-2) }, ['ACTIVE', day(-2), null, null]],
    [
      'an owner added since: their approval is still needed',
      { ...approvedBoth, ownerPositionIds: ['owner-a', 'owner-b', 'owner-c'] },
      ['PARTLY_APPROVED', day(-8), 'deputy-b', 'b'],
    ],
    [
      'suspended by an owner',
      { ...approvedBoth, suspendedAt: day(-3), changes: [{ change: 'suspended', at: day(-3), byStaffId: 'a', onBehalfOfStaffId: null }] },
      ['SUSPENDED', day(-3), 'a', null],
    ],
    ['suspended before changes were recorded', { ...approvedBoth, suspendedAt: day(-3) }, ['SUSPENDED', day(-3), null, null]],
    [
      'suspended, then reinstated',
      {
        ...approvedBoth,
        changes: [
          { change: 'suspended', at: day(-3), byStaffId: 'a', onBehalfOfStaffId: null },
          { change: 'reinstated', at: day(-1), byStaffId: 'deputy-b', onBehalfOfStaffId: 'b' },
        ],
      },
      ['ACTIVE', day(-1), 'deputy-b', 'b'],
    ],
    [
      'suspended from tomorrow: still active today',
      { ...approvedBoth, suspendedAt: day(1), changes: [{ change: 'suspended', at: day(1), byStaffId: 'a', onBehalfOfStaffId: null }] },
      ['ACTIVE', day(-8), 'deputy-b', 'b'],
    ],
    [
      'revoked, even once its period is over',
      { ...approvedBoth, validTo: day(-1), revokedAt: day(-2), changes: [{ change: 'revoked', at: day(-2), byStaffId: 'a', onBehalfOfStaffId: null }] },
      ['REVOKED', day(-2), 'a', null],
    ],
    [
      'revoked while still waiting (withdrawn)',
      { revokedAt: day(-5), changes: [{ change: 'revoked', at: day(-5), byStaffId: 'a', onBehalfOfStaffId: null }] },
      ['REVOKED', day(-5), 'a', null],
    ],
    ['its period is over', { ...approvedBoth, validTo: day(-1) }, ['EXPIRED', day(-1), null, null]],
    ['its period ended before anyone approved', { validTo: day(-1) }, ['EXPIRED', day(-1), null, null]],
  ])('%s', (_, g, expected) => {
    expect(status(g)).toEqual(expected);
  });

  it('lapses when the grantee leaves the duty it was for (KTM-11), from the first day out of it', () => {
    const duty = { ...approvedBoth, positionId: 'post' };
    expect(status(duty, [{ staffId: 'grantee', positionId: 'post', from: dateOf(-30), to: null }])[0]).toBe('ACTIVE');
    const [state, since, by] = status(duty, [{ staffId: 'grantee', positionId: 'post', from: dateOf(-30), to: dateOf(-1) }]);
    expect([state, by]).toEqual(['DUTY_ENDED', null]);
    expect(new Date(since!).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' })).toBe(dateOf(-1));
    expect(new Date(since!).toLocaleTimeString('sv-SE', { timeZone: 'Asia/Tokyo' })).toBe('00:00:00');
  });

  it('tells the whole history, oldest first, the calendar’s events included', () => {
    const g: GrantRecord = {
      ...base,
      ...approvedBoth,
      validFrom: day(-5),
      validTo: day(-1),
      changes: [
        { change: 'suspended', at: day(-4), byStaffId: 'a', onBehalfOfStaffId: null },
        { change: 'reinstated', at: day(-3), byStaffId: 'a', onBehalfOfStaffId: null },
      ],
    };
    expect(grantStatus(g, new Date(NOW), { tenures: [] }).history.map((e) => [e.kind, e.at, e.byStaffId, e.ownerPositionId])).toEqual([
      ['REQUESTED', day(-10), 'requester', null],
      ['APPROVED', day(-9), 'a', 'owner-a'],
      ['APPROVED', day(-8), 'deputy-b', 'owner-b'],
      ['BECAME_VALID', day(-5), null, null],
      ['SUSPENDED', day(-4), 'a', null],
      ['REINSTATED', day(-3), 'a', null],
      ['EXPIRED', day(-1), null, null],
    ]);
  });
});

describe('what an owner may do with a grant in each state', () => {
  it('suspends what is approved and not over, reinstates what is suspended, revokes anything not revoked', () => {
    const allowed = (change: 'suspend' | 'reinstate' | 'revoke') => GRANT_STATES.filter((s) => grantChangeRefusal(s, change) === null);
    expect(allowed('suspend')).toEqual(['NOT_YET_VALID', 'ACTIVE', 'DUTY_ENDED']);
    expect(allowed('reinstate')).toEqual(['SUSPENDED']);
    expect(allowed('revoke')).toEqual(GRANT_STATES.filter((s) => s !== 'REVOKED'));
    expect(grantChangeRefusal('PENDING_APPROVAL', 'suspend')).toEqual({
      en: expect.stringContaining('PENDING_APPROVAL'),
      ja: expect.stringContaining('承認待ち'),
    });
  });
});
