import { describe, expect, it } from 'vitest';
import { COMMITTEE_RULES } from '../committees/committee-rules.ts';
import { findRule } from '../rulebooks/index.ts';
import { committeeDecidesRefusal, decidedByCommittee, stepCommitteeKey } from './committee-steps.ts';
import { mayDecide } from './invariants.ts';
import { newSystemIntroductionKind } from './kinds/new-system-introduction.kind.ts';
import { systemModificationKind } from './kinds/system-modification.kind.ts';
import { previewRoute, requestKinds } from './registry.ts';
import { ctxFor } from './request-fixtures.ts';
import type { ComputedStep, RouteContext } from './request.types.ts';

const criteria = { welfare: true, efficiency: true, privacy: true };
const routes: [string, ComputedStep[]][] = [
  [
    'ARK new system introduction',
    previewRoute(newSystemIntroductionKind, ctxFor('ARK', { system: null, content: { systemName: 's', summary: 's', ...criteria } })).steps,
  ],
  ['ARK change that is not minor', previewRoute(systemModificationKind, ctxFor('ARK', { content: { summary: 's', minor: false, ...criteria } })).steps],
  [
    'KTM major modification',
    previewRoute(systemModificationKind, ctxFor('KTM', { content: { summary: 's', major: true }, requester: { roleKeys: ['manager'] } })).steps,
  ],
];
const committeeStep = (steps: ComputedStep[]) => steps.find(decidedByCommittee)!;

describe('a committee’s step', () => {
  it.each([
    ['ARK new system introduction', 'steering_committee', 'ark.committee.steering', ['ARK-12-4', 'ARK-16-1-2']],
    ['ARK change that is not minor', 'steering_committee', 'ark.committee.steering', ['ARK-12-4', 'ARK-16-1-3']],
    ['KTM major modification', 'operations_meeting', 'ktm.committee.one-stop', ['KTM-13-1-2', 'KTM-3-7']],
  ])('%s: its committee decides it, citing the rules that give it the decision', (name, key, committeeKey, ruleIds) => {
    const step = committeeStep(routes.find(([n]) => n === name)![1]);
    expect([step.key, stepCommitteeKey(step)]).toEqual([key, committeeKey]);
    const refusal = committeeDecidesRefusal(step, { ja: '運営委員会', en: 'steering committee' });
    expect(refusal).toMatchObject({ allowed: false, code: 'COMMITTEE_DECIDES', ruleIds, committeeKey });
    expect(refusal!.message.ja).toContain('運営委員会が会議で決定します');
    expect(refusal!.message.en).toContain('decided by the steering committee at its meeting');
    // Nobody takes it alone: not the chair, not the secretariat, not anyone else.
    const d = mayDecide({ step, deciderStaffId: 'chair', requesterStaffId: 'requester' });
    expect([d.allowed, d.reason, d.ruleIds]).toEqual([false, 'COMMITTEE_DECIDES', ruleIds]);
  });

  it('names circulation where the committee’s rules allow it (KWW-12-2)', () => {
    const step = { actor: { kind: 'committee' as const, committeeKey: 'kaw.committee.operations' }, ruleIds: ['KWW-12-1' as const] };
    const refusal = committeeDecidesRefusal(step, { ja: '福祉総合情報システム運用管理会議', en: 'welfare system operations meeting' })!;
    expect(refusal.message.ja).toContain('会議（又は持回り）で決定します');
    expect(refusal.message.en).toContain('(or by circulation)');
  });

  it('a step a person decides is not refused', () => {
    for (const [, steps] of routes) for (const s of steps.filter((x) => !decidedByCommittee(x))) expect(committeeDecidesRefusal(s)).toBeNull();
  });

  it('every committee step of every route belongs to a committee with rules, and cites that committee’s remit', () => {
    const seen: string[] = [];
    for (const [, steps] of routes)
      for (const step of steps.filter(decidedByCommittee)) {
        const rules = COMMITTEE_RULES.find((c) => c.committeeKey === stepCommitteeKey(step));
        expect(rules, step.key).toBeDefined();
        expect(
          step.ruleIds.some((id) => rules!.remitRuleIds.includes(id)),
          step.key,
        ).toBe(true);
        for (const id of step.ruleIds) expect(findRule(id)).toBeDefined();
        seen.push(step.key);
      }
    expect(seen).toEqual(['steering_committee', 'steering_committee', 'operations_meeting']);
    // The other kinds' routes put no step on a committee (their decisions are a person's: MNT-13-5 and
    // MNT-14-2 give the 変更管理会議's approval to the 情報政策課長).
    const others = requestKinds.filter((k) => k !== newSystemIntroductionKind && k !== systemModificationKind);
    for (const kind of others)
      for (const rulebookId of kind.rulebookIds) {
        const ctx: RouteContext = ctxFor(rulebookId);
        expect(previewRoute(kind, ctx).steps.filter(decidedByCommittee), `${kind.key} ${rulebookId}`).toEqual([]);
      }
  });
});
