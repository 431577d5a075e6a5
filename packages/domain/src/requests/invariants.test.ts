import { describe, expect, it } from 'vitest';
import { findRule } from '../rulebooks/index.ts';
import { allowedOutcomes, finalOutcome, mayDecide, nextStages, stepIdOf, type StepDecision } from './invariants.ts';
import { workRequestKind } from './kinds/work-request.kind.ts';
import { systemModificationKind } from './kinds/system-modification.kind.ts';
import { ctxFor } from './request-fixtures.ts';
import type { ComputedStep } from './request.types.ts';

const s = (kind: ComputedStep['kind'], extra: Partial<ComputedStep> = {}): ComputedStep => ({
  key: kind,
  kind,
  actor: { kind: 'role', rulebookId: 'MNT', roleKey: 'welfare_section_chief' },
  label: { ja: '', en: '' },
  ruleIds: ['MNT-10-2'],
  stage: 1,
  ...extra,
});

describe('mayDecide', () => {
  const cases: [string, Parameters<typeof mayDecide>[0], boolean, string][] = [
    ['an approver who is not the requester', { step: s('approve'), deciderStaffId: 'b', requesterStaffId: 'a' }, true, 'ALLOWED'],
    ['the requester approving their own request', { step: s('approve'), deciderStaffId: 'a', requesterStaffId: 'a' }, false, 'REQUESTER_MAY_NOT_DECIDE'],
    ['the requester consenting', { step: s('consent'), deciderStaffId: 'a', requesterStaffId: 'a' }, false, 'REQUESTER_MAY_NOT_DECIDE'],
    ['the requester confirming', { step: s('confirm'), deciderStaffId: 'a', requesterStaffId: 'a' }, false, 'REQUESTER_MAY_NOT_DECIDE'],
    ['the requester performing (KWO-6 designation)', { step: s('perform'), deciderStaffId: 'a', requesterStaffId: 'a' }, true, 'ALLOWED'],
    [
      'the requesting chief confirming the contractor’s work (MNT-14-4)',
      { step: s('confirm', { requesterMayDecide: true }), deciderStaffId: 'a', requesterStaffId: 'a', authorOfUpdateStaffId: 'c' },
      true,
      'ALLOWED',
    ],
    [
      'the author confirming their own update (KWO-8-1-2)',
      { step: s('confirm'), deciderStaffId: 'c', requesterStaffId: 'a', authorOfUpdateStaffId: 'c' },
      false,
      'AUTHOR_MAY_NOT_CONFIRM',
    ],
    [
      'the author even where the requester may confirm',
      { step: s('confirm', { requesterMayDecide: true }), deciderStaffId: 'a', requesterStaffId: 'a', authorOfUpdateStaffId: 'a' },
      false,
      'AUTHOR_MAY_NOT_CONFIRM',
    ],
    [
      'the filing owner deciding after the others approved (KWW-6-1-1)',
      { step: s('approve', { requesterMayDecide: true }), deciderStaffId: 'a', requesterStaffId: 'a' },
      true,
      'ALLOWED',
    ],
    ['anyone on an inform step', { step: s('inform'), deciderStaffId: 'b', requesterStaffId: 'a' }, false, 'INFORM_TAKES_NO_DECISION'],
  ];
  it.each(cases)('%s', (_name, input, allowed, reason) => {
    const d = mayDecide(input);
    expect([d.allowed, d.reason]).toEqual([allowed, reason]);
    expect(d.ruleIds.length).toBeGreaterThan(0);
    for (const id of d.ruleIds) expect(findRule(id)).toBeDefined();
    expect(d.message.ja).not.toBe('');
  });
});

describe('nextStages and finalOutcome', () => {
  const steps = workRequestKind.route(ctxFor('MNT', { content: { changeManagementApprovalNeeded: true } })).steps;
  const approve = (...ids: string[]): StepDecision[] => ids.map((stepId) => ({ stepId, outcome: 'approved' }));

  it('an inform stage completes on opening; the route walks stage by stage', () => {
    const first = nextStages(steps, []);
    expect(first.stage).toBe(2);
    expect(first.open.map(stepIdOf)).toEqual(['change_management']);
    expect(first.informed.map(stepIdOf)).toEqual(['report']);
    expect(nextStages(steps, approve('change_management')).open.map(stepIdOf)).toEqual(['perform']);
    expect(nextStages(steps, approve('change_management', 'perform', 'confirm')).open.map(stepIdOf)).toEqual(['cross_check']);
    const done = approve('change_management', 'perform', 'confirm', 'cross_check');
    expect(nextStages(steps, done)).toMatchObject({ stage: null, complete: true, halted: false });
    expect(finalOutcome(steps, done).outcome).toBe('approved');
    expect(finalOutcome(steps, approve('change_management', 'perform')).outcome).toBe('pending');
  });

  it('a stage of parallel steps opens the next only when all are decided (KWW-6-2)', () => {
    const ctx = ctxFor('KWW', {
      assets: [
        { id: 'x', ownerPositionIds: ['p1', 'p2'] },
        { id: 'y', ownerPositionIds: ['me'] },
      ],
      requesterPositionIds: ['me'],
      content: { summary: 's' },
    });
    const kww = systemModificationKind.route(ctx).steps;
    expect(nextStages(kww, []).open.map(stepIdOf)).toEqual(['other_owner_approval:p1', 'other_owner_approval:p2']);
    expect(nextStages(kww, approve('other_owner_approval:p1')).open.map(stepIdOf)).toEqual(['other_owner_approval:p2']);
    expect(nextStages(kww, approve('other_owner_approval:p1', 'other_owner_approval:p2')).open.map(stepIdOf)).toEqual(['supervisor_consent']);
  });

  it('rejected as soon as an approval rejects; nothing opens after it', () => {
    const decisions: StepDecision[] = [{ stepId: 'change_management', outcome: 'rejected' }];
    expect(finalOutcome(steps, decisions)).toEqual({ outcome: 'rejected', stepId: 'change_management', ruleIds: ['MNT-14-2'] });
    expect(nextStages(steps, decisions)).toMatchObject({ stage: null, open: [], halted: true });
  });

  it('returned for correction by the cross-check (MNT-14-6); the resubmitted route restarts from stage 1', () => {
    const decisions: StepDecision[] = [...approve('change_management', 'perform', 'confirm'), { stepId: 'cross_check', outcome: 'returned' }];
    expect(finalOutcome(steps, decisions).outcome).toBe('returned');
    expect(nextStages(steps, []).stage).toBe(2); // a new round: no decisions carried over
  });

  it('work is never "rejected": a rejection of a perform step counts as a return', () => {
    expect(finalOutcome(steps, [...approve('change_management'), { stepId: 'perform', outcome: 'rejected' }]).outcome).toBe('returned');
    expect(allowedOutcomes('perform')).toEqual(['approved', 'returned']);
    expect(allowedOutcomes('inform')).toEqual([]);
  });

  it('decisions are final: a second decision on the same step changes nothing', () => {
    const decisions: StepDecision[] = [...approve('change_management'), { stepId: 'change_management', outcome: 'rejected' }];
    expect(nextStages(steps, decisions).open.map(stepIdOf)).toEqual(['perform']);
    expect(finalOutcome(steps, decisions).outcome).toBe('pending');
  });

  it('a route without steps is complete at once', () => {
    expect(nextStages([], [])).toMatchObject({ complete: true });
    expect(finalOutcome([], []).outcome).toBe('approved');
  });
});
