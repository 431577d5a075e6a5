import { describe, expect, it } from 'vitest';
import { findRule } from '../rulebooks/index.ts';
import type { HeldRole } from '../roles/roles.types.ts';
import { accountAdministrators, auditReaders, decideDuty } from './administration.policy.ts';

const role = (over: Partial<HeldRole>): HeldRole => ({
  rulebookId: 'ARK',
  roleKey: 'digital_section_chief',
  positionId: 'p-digital',
  scopeKey: null,
  via: 'position',
  onBehalfOfStaffId: null,
  deputationId: null,
  ruleIds: [],
  ...over,
});
const units: Record<string, string> = { 'p-digital': 'u-digital', 'p-tax': 'u-tax' };
const unitOf = (p: string) => units[p];

describe('account administration (who manages a system’s accounts)', () => {
  it('gives ARK section chiefs only the systems their own section manages (ARK-4)', () => {
    const roles = [role({})];
    expect(decideDuty(accountAdministrators, roles, { rulebookId: 'ARK', managingOrgUnitId: 'u-digital' }, unitOf)).toMatchObject({
      allowed: true,
      ruleIds: ['ARK-4-1'],
    });
    expect(decideDuty(accountAdministrators, roles, { rulebookId: 'ARK', managingOrgUnitId: 'u-tax' }, unitOf).allowed).toBe(false);
  });

  it('gives the 保健福祉課長 the accounts of MNT systems (MNT-4-1-3, MNT-4-1-4)', () => {
    expect(decideDuty(accountAdministrators, [role({ rulebookId: 'MNT', roleKey: 'welfare_section_chief' })], { rulebookId: 'MNT' }, unitOf)).toMatchObject({
      allowed: true,
      ruleIds: ['MNT-4-1-3', 'MNT-4-1-4', 'MNT-16'],
    });
  });

  it('lets a deputy act, recording for whom (KTM-3-6)', () => {
    const deputy = role({ rulebookId: 'KTM', roleKey: 'general_manager', via: 'deputy', onBehalfOfStaffId: 's-director', ruleIds: ['KTM-3-6'] });
    expect(decideDuty(accountAdministrators, [deputy], { rulebookId: 'KTM' }, unitOf)).toMatchObject({ allowed: true, onBehalfOfStaffId: 's-director' });
  });

  it('refuses the 副統括管理者 by position alone: they act for the 統括管理者 only through a declared absence (KTM-3-6)', () => {
    const standing = role({ rulebookId: 'KTM', roleKey: 'deputy_general_manager', ruleIds: ['KTM-3-4'] });
    const d = decideDuty(accountAdministrators, [standing], { rulebookId: 'KTM' }, unitOf);
    expect(d).toMatchObject({ allowed: false, deputyNotActing: true });
    expect(d.ruleIds).toContain('KTM-3-6');
    // Anyone else refused is refused as before.
    expect(decideDuty(accountAdministrators, [role({ rulebookId: 'KTM', roleKey: 'using_section_head' })], { rulebookId: 'KTM' }, unitOf)).not.toHaveProperty(
      'deputyNotActing',
    );
  });

  it('refuses roles of another rulebook, citing the rules that would have allowed it', () => {
    const d = decideDuty(accountAdministrators, [role({ rulebookId: 'MNT', roleKey: 'welfare_section_chief' })], { rulebookId: 'KWW' }, unitOf);
    expect(d).toMatchObject({ allowed: false, ruleIds: ['KWW-4-1', 'KWW-3-2-1'] });
  });

  it('knows the monitors of the audit log (MNT-19-3, KWO-3-1, ARK-3の2-1)', () => {
    expect(decideDuty(auditReaders, [role({ rulebookId: 'MNT', roleKey: 'welfare_section_chief' })], { rulebookId: null }, unitOf).allowed).toBe(true);
    expect(decideDuty(auditReaders, [role({ rulebookId: 'KWO', roleKey: 'asset_manager' })], { rulebookId: null }, unitOf)).toMatchObject({
      allowed: true,
      ruleIds: ['KWO-3-1'],
    });
    expect(decideDuty(auditReaders, [role({ roleKey: 'information_manager' })], { rulebookId: null }, unitOf)).toMatchObject({
      allowed: true,
      ruleIds: ['ARK-3の2-1'],
    });
    expect(decideDuty(auditReaders, [role({ roleKey: 'using_section_chief' })], { rulebookId: null }, unitOf).allowed).toBe(false);
  });

  it('cites only rules that exist', () => {
    for (const r of [...accountAdministrators, ...auditReaders]) for (const id of r.ruleIds) expect(findRule(id), id).toBeDefined();
  });
});
