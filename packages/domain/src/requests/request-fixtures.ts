// Route contexts for tests: a requester, a system and content, with only what a case changes spelled out.
import type { RulebookId } from '../model/types.ts';
import type { ComputedStep, RouteContext } from './request.types.ts';

const defaultRoles: Record<RulebookId, string[]> = {
  MNT: ['using_section_chief'],
  KWW: ['information_owner'],
  KWO: ['system_usage_manager'],
  KTM: ['using_section_head'],
  ARK: ['using_section_chief'],
};

export type ContextOverrides = Partial<Omit<RouteContext, 'requester'>> & { requester?: Partial<RouteContext['requester']> };

export function ctxFor(rulebookId: RulebookId, over: ContextOverrides = {}): RouteContext {
  const { requester, ...rest } = over;
  return {
    rulebookId,
    filedAt: '2026-05-11T10:00:00+09:00',
    timeZone: 'Asia/Tokyo',
    system: { id: 'sys-1', rulebookId, managingOrgUnitId: 'unit-manager', managementType: 'digital_section' },
    assets: [],
    requesterPositionIds: [],
    dataUse: [],
    content: {},
    ...rest,
    requester: { staffId: 'staff-requester', orgUnitId: 'unit-requester', roleKeys: defaultRoles[rulebookId], ...requester },
  };
}

/** A step as one readable line: stage, key, kind, actor, rule IDs (and the subject of a per-each copy). */
export function describeStep(s: ComputedStep): string {
  const a = s.actor;
  const actor =
    a.kind === 'role'
      ? `${a.rulebookId}:${a.roleKey}${a.where ? `@${a.where}` : ''}${a.scopeKey ? `#${a.scopeKey}` : ''}`
      : a.kind === 'asset_owners'
        ? `owners:${a.which}`
        : a.kind === 'committee'
          ? `committee:${a.committeeKey}`
          : a.kind;
  return `${s.stage} ${s.key} ${s.kind} ${actor} [${s.ruleIds.join(',')}]${s.subjectId ? ` for ${s.subjectId}` : ''}`;
}

export const describeRoute = (steps: ComputedStep[]): string[] => steps.map(describeStep);
