import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RulebookId } from '../model/types.ts';
import { findRule, rulebookIds } from '../rulebooks/index.ts';
import { filingErrors, findRequestKind, kindsCitingRule, kindsFor, paperFormFor, previewRoute, requestKinds, validateContent } from './registry.ts';
import { actorIsRequesterSide } from './invariants.ts';
import { ctxFor } from './request-fixtures.ts';
import type { FormField, RequestKind, RouteContext } from './request.types.ts';

describe('the kinds and their rulebooks', () => {
  it('name the paper form of the rulebook that applies, or none', () => {
    const form = (key: string, book: RulebookId) => paperFormFor(findRequestKind(key)!, book);
    // Minato: 第1号〜第7号様式, each where its article names it (MNT-10-1, 11-1, 12-1, 14-1/14-4, 17-2, 18-2).
    expect(form('user_addition', 'MNT')).toBe('第1号様式');
    expect(form('user_termination', 'MNT')).toBe('第2号様式');
    expect(form('bulk_user_update', 'MNT')).toBe('第3号様式');
    expect(form('work_request', 'MNT')).toBe('第4号様式・第5号様式');
    expect(form('access_rights_update', 'MNT')).toBe('第6号様式');
    expect(form('licence_count_change', 'MNT')).toBe('第7号様式');
    // MNT-13 asks for a summary of the law change and the national papers, on no numbered form.
    expect(form('system_modification', 'MNT')).toBeUndefined();
    // Kitami defines no forms.
    for (const kind of kindsFor('KTM')) expect(form(kind.key, 'KTM')).toBeUndefined();
    // Kawasaki ward office: 第1号様式 is the form ledger (KWO-5-2), 第2号様式 the check sheet (KWO-5-3); the designation has none.
    expect(form('user_addition', 'KWO')).toBeUndefined();
    for (const kind of kindsFor('KWW')) expect(form(kind.key, 'KWW')).toBeUndefined();
    // Arakawa: the application and the papers on necessity, cost, effect and alternatives (ARK-12-4).
    expect(form('new_system_introduction', 'ARK')).toBe('申請書及び必要性・費用・効果・代替手段等の資料');
    expect(form('data_use_consultation', 'ARK')).toBeUndefined();
    // A form is named only under a rulebook that defines the kind.
    for (const kind of requestKinds) for (const book of Object.keys(kind.paperForms ?? {})) expect(kind.rulebookIds).toContain(book);
  });

  it('finds the kinds that cite a rule, through its article or paragraph too, within one rulebook', () => {
    const keys = (id: RulebookId, ruleId: Parameters<typeof kindsCitingRule>[1]) => kindsCitingRule(id, ruleId).map((k) => k.key);
    expect(keys('MNT', 'MNT-10')).toEqual(['user_addition']);
    expect(keys('MNT', 'MNT-10-1')).toEqual(['user_addition']);
    expect(keys('MNT', 'MNT-13-1')).toEqual(['system_modification']);
    expect(keys('KWO', 'KWO-6-1')).toEqual(['user_addition']);
    expect(keys('MNT', 'MNT-1-1')).toEqual([]);
  });

  it('finds kinds by key and lists only what a rulebook defines', () => {
    expect(paperFormFor(findRequestKind('work_request')!, 'MNT')).toBe('第4号様式・第5号様式');
    expect(findRequestKind('nope')).toBeUndefined();
    const keys = (id: RulebookId) => kindsFor(id).map((k) => k.key);
    expect(keys('MNT')).toEqual([
      'user_addition',
      'user_termination',
      'bulk_user_update',
      'access_rights_update',
      'licence_count_change',
      'usage_suspension',
      'usage_reinstatement',
      'work_request',
      'system_modification',
    ]);
    expect(keys('KTM')).toEqual([
      'user_addition',
      'user_termination',
      'access_rights_update',
      'usage_suspension',
      'usage_reinstatement',
      'password_reset',
      'system_modification',
      'procedure_definition',
    ]);
    expect(keys('KWW')).toEqual(['system_modification', 'system_retirement']);
    expect(keys('KWO')).toEqual(['user_addition']);
    expect(keys('ARK')).toEqual(['system_modification', 'new_system_introduction', 'data_use_consultation']);
  });

  it('every rule ID a kind, a field, a route or a refusal cites resolves with findRule', () => {
    for (const k of requestKinds) {
      const ids = [...k.ruleIds, ...k.fields.flatMap((f) => f.ruleIds ?? [])];
      for (const id of ids) expect(findRule(id), `${k.key}: ${id}`).toBeDefined();
      expect(new Set(k.fields.map((f) => f.key)).size, k.key).toBe(k.fields.length);
      for (const f of k.fields) expect(f.label.ja, `${k.key}.${f.key}`).not.toBe('');
    }
  });
});

describe('validateContent (generic form checks)', () => {
  const kind = findRequestKind('procedure_definition')!;
  const base = {
    procedureName: '転入届',
    procedureCategory: 'certificate',
    overview: 'o',
    conditions: 'c',
    routingPattern: 'r',
    confirmationItems: 'i',
    outputForms: 'f',
    rightsCleared: true,
  };
  const codes = (content: Record<string, unknown>) => validateContent(kind, ctxFor('KTM', { content })).map((e) => [e.path.join('.'), e.code]);

  it('checks types, lengths in characters, options and control characters', () => {
    expect(codes(base)).toEqual([]);
    expect(codes({ ...base, procedureName: '𠮷'.repeat(200) })).toEqual([]);
    expect(codes({ ...base, procedureName: '𠮷'.repeat(201) })).toEqual([['content.procedureName', 'TOO_LONG']]);
    expect(codes({ ...base, procedureName: 'a\nb', overview: 'a\nb' })).toEqual([['content.procedureName', 'INVALID_VALUE']]);
    expect(codes({ ...base, procedureCategory: 'x', rightsCleared: 'yes', overview: 3 })).toEqual([
      ['content.procedureCategory', 'INVALID_VALUE'],
      ['content.overview', 'INVALID_VALUE'],
      ['content.rightsCleared', 'INVALID_VALUE'],
    ]);
    expect(codes({ ...base, overview: '   ' })).toEqual([['content.overview', 'REQUIRED']]);
  });

  it('checks numbers against min and max, and dates', () => {
    const k = findRequestKind('new_system_introduction')!;
    const ctx = (c: Record<string, unknown>) =>
      ctxFor('ARK', {
        system: null,
        requester: { roleKeys: ['digital_section_chief'] },
        content: { systemName: 'x', summary: 's', welfare: true, efficiency: true, privacy: true, ...c },
      });
    expect(validateContent(k, ctx({ targetFiscalYear: 1999 })).map((e) => e.path.join('.'))).toEqual(['content.targetFiscalYear']);
    expect(validateContent(k, ctx({ targetFiscalYear: '2027' })).map((e) => e.code)).toEqual(['INVALID_VALUE']);
    const u = findRequestKind('user_addition')!;
    expect(
      validateContent(u, ctxFor('MNT', { content: { staffId: 's', authorityProfile: 'a', validFrom: '2026-02-30', reason: 'r' } })).map((e) =>
        e.path.join('.'),
      ),
    ).toEqual(['content.validFrom']);
  });

  it('shows fields per rulebook: a KWO field is not required under MNT and vice versa', () => {
    const m = findRequestKind('system_modification')!;
    expect(validateContent(m, ctxFor('KTM', { content: { summary: 's' } }))).toEqual([]);
    expect(validateContent(m, ctxFor('KTM', { content: { summary: 's', scope: 'nowhere' } }))).toEqual([]); // a KWW field, not shown under KTM
  });
});

describe('filingErrors', () => {
  const kind = findRequestKind('user_addition')!;
  it('refuses a system governed by another rulebook and a requester who is not a filer', () => {
    const ctx = ctxFor('MNT', { requester: { roleKeys: ['maintenance_contractor'] } });
    ctx.system = { ...ctx.system!, rulebookId: 'ARK' };
    expect(filingErrors(kind, ctx).map((e) => e.path[0])).toEqual(['system', 'requester']);
  });
  it('accepts a deputy of the filing role (MNT-7-3)', () => {
    expect(filingErrors(kind, ctxFor('MNT', { requester: { roleKeys: ['using_section_staff'] } }))).toEqual([]);
  });
  it('refuses a filing instant without its offset', () => {
    const r = previewRoute(kind, ctxFor('MNT', { filedAt: '2026-05-01T10:00:00' }));
    expect(r.errors.map((e) => e.path[0])).toEqual(['filedAt']);
    expect(r.steps).toEqual([]);
  });
});

// --- property: every kind's route under random contexts ---

const id = fc.constantFrom('u1', 'u2', 'u3', 'unit-requester');
function valueFor(f: FormField): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 2200 }), fc.double({ noNaN: true }));
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'select':
      return fc.oneof(fc.constantFrom(...(f.options ?? []).map((o) => o.value)), fc.string());
    case 'userChanges':
      return fc.array(
        fc.record({ action: fc.constantFrom('add', 'remove', 'x'), staffId: fc.string(), authorityProfile: fc.option(fc.string(), { nil: undefined }) }),
        { maxLength: 4 },
      );
    case 'dataItems':
    case 'staffList':
    case 'assetList':
      return fc.array(fc.string(), { maxLength: 3 });
    default:
      return fc.oneof(id, fc.string());
  }
}

const contentFor = (kind: RequestKind): fc.Arbitrary<Record<string, unknown>> => {
  const entries = kind.fields.map((f) => fc.option(fc.oneof(valueFor(f), fc.anything()), { nil: undefined }).map((v) => [f.key, v] as const));
  const facts = fc.record({
    purchasedTotal: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    otherSectionsTotal: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    staffOrgUnitId: fc.option(id, { nil: undefined }),
    userOrgUnitId: fc.option(id, { nil: undefined }),
    declaredValidTo: fc.option(fc.constant('2027-03-31'), { nil: undefined }),
  });
  return fc.tuple(fc.tuple(...entries), facts).map(([es, f]) => ({ ...f, ...Object.fromEntries(es.filter(([, v]) => v !== undefined)) }));
};

const position = fc.constantFrom('p1', 'p2', 'p3', 'p4');
const contextFor = (kind: RequestKind): fc.Arbitrary<RouteContext> =>
  fc.record({
    rulebookId: fc.constantFrom(...rulebookIds),
    filedAt: fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
    timeZone: fc.constant('Asia/Tokyo'),
    requester: fc.record({
      staffId: fc.constantFrom('s1', 's2'),
      orgUnitId: fc.option(id, { nil: null }),
      roleKeys: fc.subarray([
        'using_section_chief',
        'welfare_section_chief',
        'general_manager',
        'using_section_head',
        'manager',
        'information_owner',
        'system_administrator',
        'digital_section_chief',
        'using_department_head',
        'system_managing_director',
        'system_usage_manager',
      ]),
    }),
    system: fc.option(
      fc.record({
        id: fc.constant('sys'),
        rulebookId: fc.constant(null),
        managingOrgUnitId: id,
        managementType: fc.constantFrom('digital_section' as const, 'system_section' as const),
      }),
      { nil: null },
    ),
    assets: fc.array(fc.record({ id: fc.string(), ownerPositionIds: fc.array(position, { maxLength: 3 }) }), { maxLength: 4 }),
    requesterPositionIds: fc.subarray(['p1', 'p2']),
    dataUse: fc.array(
      fc.record({
        name: fc.string(),
        managingOrgUnitId: id,
        basicResidentItem: fc.option(fc.integer({ min: 1, max: 14 }), { nil: null }),
        personal: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    content: contentFor(kind),
  });

describe('property: routes of every kind under random contexts', () => {
  for (const kind of requestKinds) {
    it(`${kind.key}: deterministic, contiguous stages, resolvable rule IDs, the requester never approves`, () => {
      fc.assert(
        fc.property(contextFor(kind), (ctx) => {
          const r1 = kind.route(structuredClone(ctx));
          const r2 = kind.route(structuredClone(ctx));
          expect(r2).toEqual(r1);
          const stages = [...new Set(r1.steps.map((s) => s.stage))].sort((a, b) => a - b);
          expect(stages).toEqual(stages.map((_, i) => i + 1));
          for (const s of r1.steps) {
            expect(s.ruleIds.length).toBeGreaterThan(0);
            for (const rid of s.ruleIds) expect(findRule(rid), rid).toBeDefined();
            if (s.kind === 'approve' || s.kind === 'consent') expect(s.actor.kind).not.toBe('requester');
            if (s.perEach) expect(s.subjectId).toBeDefined();
            // The flag is recoverable from the stored actor rule (the gateway stores no flags).
            if (s.kind === 'approve' || s.kind === 'consent' || s.kind === 'confirm') expect(!!s.requesterMayDecide, s.key).toBe(actorIsRequesterSide(s.actor));
          }
          for (const n of r1.notes) for (const rid of n.ruleIds) expect(findRule(rid), rid).toBeDefined();
          const preview = previewRoute(kind, ctx);
          for (const e of preview.errors) for (const rid of e.ruleIds ?? []) expect(findRule(rid), rid).toBeDefined();
          if (!kind.rulebookIds.includes(ctx.rulebookId)) expect(r1.steps).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
