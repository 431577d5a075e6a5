// System documents (ドキュメント) kept current after every change: MNT-13-9 / MNT-21-2 (the
// maintenance contractor updates them, the 保健福祉課長 keeps them), ARK-5 (the managing chief keeps
// and updates them), ARK-11 (each using section keeps its own operating manual).
import type { RulebookId } from '../model/types.ts';
import type { Bilingual } from '../requests/request.types.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import type { RegisterDutyRule } from './registers.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { ruleIdSet } from '../rulebooks/rule-id-set.ts';
import {
  badEntry,
  forbiddenEntry,
  registerDuty,
  STAFF_IN_PERSON_ONLY,
  type RegisterActor,
  type RegisterAudit,
  type RegisterDutyAllowed,
  type RegisterRefusal,
} from './register-decision.ts';

/** 設計書, 取扱説明書 (ARK: プログラム説明書), 操作手引書 (MNT: 操作説明書), その他: the entity's enum takes them from here. */
export const DOCUMENT_KIND_VALUES = ['design', 'manual', 'operating_manual', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KIND_VALUES)[number];

export const DOCUMENT_KINDS: Record<DocumentKind, Bilingual> = {
  design: { ja: '設計書', en: 'Design document' },
  manual: { ja: '取扱説明書', en: 'Manual' },
  operating_manual: { ja: '操作手引書', en: 'Operating manual' },
  other: { ja: 'その他の文書', en: 'Other document' },
};

export const documentKinds = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

/**
 * What a rulebook requires of one kind of document.
 * - `currentRuleIds`: the rule that makes the document follow every change of the system; a
 *   document is stale from the first change completed after its latest version.
 * - `keptBy`: the managing side (one document per system) or each using section (one per section,
 *   ARK-11-1).
 * - `keepers`: the roles that keep (and register) it, with the rule that says so.
 */
export interface DocumentRule {
  rulebookId: RulebookId;
  kind: DocumentKind;
  currentRuleIds: RuleId[];
  keptBy: 'managing' | 'using_section';
  keepers: readonly RegisterDutyRule[];
}

/**
 * Which rule covers which kind (where the rules are silent, the reading taken):
 * - MNT-13-9 names 設計書 and 取扱説明書 "等": every document of the modified part, so all four
 *   kinds; MNT-21-2 keeps every system document up to date. MNT-4-1-2 and MNT-21-1 (which names
 *   操作説明書) have the 保健福祉課長 keep them all, operating manuals included.
 * - ARK-2-1-8 defines ドキュメント as システム設計書, プログラム説明書, 操作手引書 and other 取扱要領・仕様書;
 *   ARK-5-2 has the managing chief reflect every change in them. Operating manuals are the using
 *   section's own (ARK-11-1), updated by it after a change (ARK-11-2).
 * - KWW, KWO and KTM set no rule on documents: their documents may be registered, never flagged.
 */
const MNT_KEEPERS: RegisterDutyRule[] = [{ rulebookId: 'MNT', roleKey: 'welfare_section_chief', where: 'any', ruleIds: ['MNT-4-1-2', 'MNT-21-1'] }];
const ARK_MANAGING_KEEPERS: RegisterDutyRule[] = [
  { rulebookId: 'ARK', roleKey: 'digital_section_chief', where: 'managing_unit', ruleIds: ['ARK-5-1'] },
  { rulebookId: 'ARK', roleKey: 'system_managing_chief', where: 'managing_unit', ruleIds: ['ARK-5-1'] },
];

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  ...(['design', 'manual', 'operating_manual', 'other'] as const).map((kind): DocumentRule => ({
    rulebookId: 'MNT',
    kind,
    currentRuleIds: ['MNT-13-9', 'MNT-21-2'],
    keptBy: 'managing',
    keepers: MNT_KEEPERS,
  })),
  ...(['design', 'manual', 'other'] as const).map((kind): DocumentRule => ({
    rulebookId: 'ARK',
    kind,
    currentRuleIds: ['ARK-5-2'],
    keptBy: 'managing',
    keepers: ARK_MANAGING_KEEPERS,
  })),
  {
    rulebookId: 'ARK',
    kind: 'operating_manual',
    currentRuleIds: ['ARK-11-2'],
    keptBy: 'using_section',
    keepers: [{ rulebookId: 'ARK', roleKey: 'using_section_chief', where: 'own_unit', ruleIds: ['ARK-11-1'] }],
  },
];

export function documentRule(rulebookId: string | null, kind: DocumentKind): DocumentRule | undefined {
  return DOCUMENT_RULES.find((r) => r.rulebookId === rulebookId && r.kind === kind);
}

/** A completed modification of the system: an approved 改修 request (its decision instant). */
export interface CompletedModification {
  requestNumber: string;
  decidedAt: string;
}

export interface DocumentStaleness {
  stale: boolean;
  /** When the first modification not reflected in the latest version was completed. */
  staleSince: string | null;
  /** The modifications completed after the latest version, oldest first. */
  pending: CompletedModification[];
  reason: Bilingual | null;
  ruleIds: RuleId[];
}

/**
 * A document is stale when a modification of its system was completed after its latest version
 * was registered, until a new version is registered. Instants are ISO strings (UTC), so they compare.
 */
export function documentStaleness(
  rule: DocumentRule | undefined,
  latest: { registeredAt: string; versionLabel: string },
  modifications: readonly CompletedModification[],
): DocumentStaleness {
  if (!rule) return { stale: false, staleSince: null, pending: [], reason: null, ruleIds: [] };
  const pending = modifications
    .filter((m) => Date.parse(m.decidedAt) > Date.parse(latest.registeredAt))
    .sort((a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt));
  if (pending.length === 0) return { stale: false, staleSince: null, pending, reason: null, ruleIds: rule.currentRuleIds };
  const numbers = pending.map((m) => m.requestNumber);
  const kind = DOCUMENT_KINDS[rule.kind];
  return {
    stale: true,
    staleSince: pending[0]!.decidedAt,
    pending,
    reason: {
      ja: `最新版（${latest.versionLabel}）の登録後にシステムの改修（${numbers.join('、')}）が完了しています。改修内容を${kind.ja}に反映し、新しい版を登録してください（${rule.currentRuleIds.join('、')}）。`,
      en: `The system was modified (${numbers.join(', ')}) after the latest version (${latest.versionLabel}) was registered. Reflect the change in the ${kind.en.toLowerCase()} and register a new version (${rule.currentRuleIds.join(', ')}).`,
    },
    ruleIds: rule.currentRuleIds,
  };
}

export const DOCUMENT_TITLE_MAX = 200;
export const DOCUMENT_VERSION_MAX = 50;
export const DOCUMENT_NOTE_MAX = 2000;

export interface DocumentDraft {
  title?: string | null;
  versionLabel?: string | null;
  note?: string | null;
}

export function validateDocumentDraft(d: DocumentDraft, base: (string | number)[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  const title = d.title?.trim() ?? '';
  if (!title) errors.push(fieldError([...base, 'title'], 'REQUIRED', 'Give the title of the document.', '文書名を入力してください。'));
  else if ([...title].length > DOCUMENT_TITLE_MAX)
    errors.push(
      fieldError([...base, 'title'], 'TOO_LONG', `At most ${DOCUMENT_TITLE_MAX} characters.`, `文書名は${DOCUMENT_TITLE_MAX}文字以内で入力してください。`),
    );
  const version = d.versionLabel?.trim() ?? '';
  if (!version)
    errors.push(fieldError([...base, 'versionLabel'], 'REQUIRED', 'Give the version (e.g. 第3版, v2.1).', '版（例: 第3版、v2.1）を入力してください。'));
  else if ([...version].length > DOCUMENT_VERSION_MAX)
    errors.push(
      fieldError(
        [...base, 'versionLabel'],
        'TOO_LONG',
        `At most ${DOCUMENT_VERSION_MAX} characters.`,
        `版は${DOCUMENT_VERSION_MAX}文字以内で入力してください。`,
      ),
    );
  if ([...(d.note ?? '')].length > DOCUMENT_NOTE_MAX)
    errors.push(
      fieldError([...base, 'note'], 'TOO_LONG', `At most ${DOCUMENT_NOTE_MAX} characters.`, `備考は${DOCUMENT_NOTE_MAX}文字以内で入力してください。`),
    );
  return errors;
}

// ---- registering a version ----------------------------------------------------------------------------

export interface DocumentRegistration extends DocumentDraft {
  system: { id: string; rulebookId: string | null; managingOrgUnitId: string; usingOrgUnitIds: readonly string[] };
  kind: DocumentKind;
  /** The using section, for an operating manual kept per section (ARK-11-1). */
  orgUnitId: string | null;
}

export type DocumentRegistrationDecision =
  { allowed: true; versionLabel: string; ruleIds: RuleId[]; onBehalfOfStaffId: string | null; via: RegisterDutyAllowed['via'] } | RegisterRefusal;

/**
 * A new version of a system document (MNT-21-1, ARK-5-1, ARK-11-1), by its keeper: per using
 * section for an ARK operating manual, per system otherwise. A document no rule assigns is
 * registered by registry administrators only.
 */
export function decideDocumentRegistration(d: DocumentRegistration, actor: RegisterActor | null): DocumentRegistrationDecision {
  const rule = documentRule(d.system.rulebookId, d.kind);
  const ruleIds = rule ? rule.keepers.flatMap((k) => k.ruleIds) : undefined;
  if (rule?.keptBy === 'using_section') {
    if (!d.orgUnitId)
      return badEntry([
        fieldError(
          ['input', 'orgUnitId'],
          'REQUIRED',
          'Name the using section whose operating manual this is (ARK-11-1).',
          '操作手引書を作成・保管する利用課を選択してください（ARK-11-1）。',
          ruleIds,
        ),
      ]);
    if (!d.system.usingOrgUnitIds.includes(d.orgUnitId))
      return badEntry([
        fieldError(['input', 'orgUnitId'], 'INVALID_VALUE', 'This section does not use the system.', 'この課は当該システムを利用していません。', ruleIds),
      ]);
  } else if (d.orgUnitId) {
    return badEntry([
      fieldError(
        ['input', 'orgUnitId'],
        'INVALID_VALUE',
        'This document is kept for the system as a whole, not per section.',
        'この文書はシステムごとに管理するもので、課ごとには登録しません。',
        ruleIds,
      ),
    ]);
  }
  let duty: RegisterDutyAllowed;
  if (rule) {
    const decided = registerDuty(actor, rule.keepers, { managingOrgUnitId: d.system.managingOrgUnitId, orgUnitId: d.orgUnitId });
    if (!decided.allowed) return decided;
    duty = decided;
  } else {
    if (!actor) return forbiddenEntry(STAFF_IN_PERSON_ONLY);
    if (!actor.registryAdmin) {
      return forbiddenEntry({
        ja: 'このシステムの規程には文書の管理者の定めがないため、台帳管理者だけが登録できます。',
        en: 'No rule of this system’s rulebook assigns its documents: only registry administrators register them.',
      });
    }
    duty = { allowed: true, via: 'registry_admin', role: null, ruleIds: [], onBehalfOfStaffId: null };
  }
  const errors = validateDocumentDraft(d);
  if (errors.length) return badEntry(errors);
  return {
    allowed: true,
    versionLabel: d.versionLabel!.trim(),
    ruleIds: ruleIdSet(duty.ruleIds, rule?.currentRuleIds),
    onBehalfOfStaffId: duty.onBehalfOfStaffId,
    via: duty.via,
  };
}

/** A version registered twice. */
export const documentVersionRegistered = (): RegisterRefusal =>
  badEntry([fieldError(['input', 'versionLabel'], 'DUPLICATE', 'This version is already registered.', 'この版は既に登録されています。')]);

/** The audit event of a version registered, saying whether the document is still stale after it. */
export function documentRegisteredAudit(
  d: Extract<DocumentRegistrationDecision, { allowed: true }>,
  r: { systemId: string; kind: DocumentKind; orgUnitId: string | null; stale: boolean },
): RegisterAudit {
  return {
    action: 'document.register',
    after: { system: r.systemId, kind: r.kind, orgUnit: r.orgUnitId, versionLabel: d.versionLabel, stale: r.stale, via: d.via },
    ruleIds: d.ruleIds,
    onBehalfOfStaffId: d.onBehalfOfStaffId,
  };
}
