// A finding's transitions: raised, answered by the addressee, closed by the raising side, noted by either.
import { describe, expect, it } from 'vitest';
import type { HeldRole } from '../roles/roles.types.ts';
import { testCalendar } from '../testing/test-calendar.ts';
import { decideFindingClose, decideFindingNote, decideFindingRaise, decideFindingResponse, findingRaisedNotice, type FindingFacts } from './findings.ts';
import type { RegisterActor } from './register-decision.ts';

const cal = testCalendar();
const now = cal.at(cal.today);

const held = (rulebookId: HeldRole['rulebookId'], roleKey: string, positionId: string, via: HeldRole['via'] = 'position'): HeldRole => ({
  rulebookId,
  roleKey,
  positionId,
  scopeKey: null,
  via,
  onBehalfOfStaffId: via === 'deputy' ? 'principal' : null,
  deputationId: null,
  ruleIds: [],
});
const actor = (staffId: string, roles: HeldRole[], tenures: RegisterActor['tenures'] = [], registryAdmin = false): RegisterActor => ({
  staffId,
  roles,
  tenures,
  positionOrgUnit: () => undefined,
  registryAdmin,
});

const assetManager = actor('am', [held('KWO', 'asset_manager', 'p.am')]);
const addressee = actor('um', [held('KWO', 'system_usage_manager', 'p.um')], [{ staffId: 'um', positionId: 'p.um', from: cal.day(-30) }]);
const bystander = actor('x', []);

const facts = (status: FindingFacts['status'], over: Partial<FindingFacts> = {}): FindingFacts => ({
  status,
  dueOn: cal.day(7),
  title: '端末の施錠',
  rulebookId: 'KWO',
  ruleIds: ['KWO-3-3'],
  addresseePositionId: 'p.um',
  addresseePositionName: '区民課長',
  raisedById: 'am',
  inspection: null,
  addresseeBindings: [{ rulebookId: 'KWO', roleKey: 'system_usage_manager' }],
  ...over,
});

describe('raising a finding', () => {
  const raise = {
    addressee: { id: 'p.um', name: '区民課長' },
    inspection: null,
    addresseeBindings: [{ rulebookId: 'KWO', roleKey: 'system_usage_manager' }],
    rulebookIds: ['KWO'],
    title: ' 端末の施錠 ',
    detail: '離席時に施錠されていない',
    dueOn: cal.day(14),
  };

  it('the 情報資産管理責任者 asks the システム利用責任者 to improve (KWO-3-3)', () => {
    expect(decideFindingRaise(raise, assetManager, cal.today)).toMatchObject({
      allowed: true,
      source: 'improvement_request',
      rulebookId: 'KWO',
      ruleIds: ['KWO-3-3'],
      title: '端末の施錠',
      audit: { action: 'finding.raise', after: { source: 'improvement_request', addressee: 'p.um', title: '端末の施錠' }, ruleIds: ['KWO-3-3'] },
    });
    expect(
      findingRaisedNotice({ source: 'improvement_request', addresseeName: '区民課長', title: '端末の施錠', dueOn: raise.dueOn, ruleIds: ['KWO-3-3'] }),
    ).toMatchObject({ kind: 'finding.raised', mail: true });
  });

  it('is refused to others (FORBIDDEN), for an addressee no rule names (bad input), with a past due date, and to viewers not staff', () => {
    expect(decideFindingRaise(raise, bystander, cal.today)).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['KWO-3-3'] });
    expect(decideFindingRaise({ ...raise, addresseeBindings: [] }, assetManager, cal.today)).toMatchObject({
      allowed: false,
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['input', 'addresseePositionId'], ruleIds: ['KWO-3-3'] }],
    });
    expect(decideFindingRaise({ ...raise, dueOn: cal.day(-1) }, assetManager, cal.today)).toMatchObject({
      allowed: false,
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['input', 'dueOn'] }],
    });
    expect(decideFindingRaise(raise, null, cal.today)).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: [] });
  });

  it('a finding of an audit is raised by whoever records audits (ARK-29-1)', () => {
    const inspection = { kind: 'audit' as const, rulebookId: 'ARK', orgUnitId: null, ruleIds: ['ARK-29-1' as const] };
    const chair = actor('c', [held('ARK', 'security_committee_chair', 'p.c')]);
    expect(decideFindingRaise({ ...raise, inspection }, chair, cal.today)).toMatchObject({
      allowed: true,
      source: 'audit',
      rulebookId: 'ARK',
      ruleIds: ['ARK-29-1'],
    });
    expect(decideFindingRaise({ ...raise, inspection }, assetManager, cal.today)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      ruleIds: ['ARK-29-1', 'ARK-24-3'],
    });
  });
});

describe('following a finding up', () => {
  it('the addressee answers an open finding (late after the due date); the raiser is told', () => {
    expect(decideFindingResponse(facts('open'), addressee, now, ' 施錠を徹底 ')).toMatchObject({
      allowed: true,
      text: '施錠を徹底',
      audit: { action: 'finding.respond', after: { late: false }, ruleIds: ['KWO-3-3'], onBehalfOfStaffId: null },
      notice: { kind: 'finding.responded', mail: true },
    });
    expect(decideFindingResponse(facts('open', { dueOn: cal.day(-1) }), addressee, now, '対応済み')).toMatchObject({
      allowed: true,
      audit: { after: { late: true } },
    });
  });

  it('a deputy of the addressee answers on the principal’s behalf', () => {
    const deputy = actor('d', [held('KWO', 'system_usage_manager', 'p.um', 'deputy')]);
    expect(decideFindingResponse(facts('open'), deputy, now, '対応')).toMatchObject({ allowed: true, audit: { onBehalfOfStaffId: 'principal' } });
  });

  it('others do not answer; an answered or closed finding is not answered again; the answer is required', () => {
    expect(decideFindingResponse(facts('open'), bystander, now, '対応')).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['KWO-3-3'] });
    expect(decideFindingResponse(facts('responded'), addressee, now, '対応')).toMatchObject({ allowed: false, code: 'CONFLICT', ruleIds: ['KWO-3-3'] });
    expect(decideFindingResponse(facts('closed'), addressee, now, '対応')).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(decideFindingResponse(facts('open'), addressee, now, '  ')).toMatchObject({
      allowed: false,
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['response'], code: 'REQUIRED' }],
    });
  });

  it('the raising side closes an answered finding; the addressee is told', () => {
    expect(decideFindingClose(facts('responded'), assetManager, ' 確認 ')).toMatchObject({
      allowed: true,
      text: '確認',
      audit: { action: 'finding.close', ruleIds: ['KWO-3-3'] },
      notice: { kind: 'finding.closed' },
    });
    expect(decideFindingClose(facts('responded', { raisedById: 'x' }), bystander, null)).toMatchObject({ allowed: true });
    expect(decideFindingClose(facts('responded'), addressee, null)).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['KWO-3-3'] });
    expect(decideFindingClose(facts('open'), assetManager, null)).toMatchObject({ allowed: false, code: 'CONFLICT', ruleIds: ['KWO-3-3'] });
  });

  it('either side notes progress until the finding is closed', () => {
    expect(decideFindingNote(facts('open'), addressee, now, '部品発注済み')).toMatchObject({
      allowed: true,
      audit: { action: 'finding.note', after: { body: '部品発注済み' } },
      notice: null,
    });
    expect(decideFindingNote(facts('responded'), assetManager, now, '現地確認予定')).toMatchObject({ allowed: true });
    expect(decideFindingNote(facts('open'), bystander, now, '経過')).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['KWO-3-3'] });
    expect(decideFindingNote(facts('closed'), addressee, now, '経過')).toMatchObject({ allowed: false, code: 'CONFLICT' });
  });
});
