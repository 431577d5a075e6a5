// What incidents refuse outside their state machine and what the people concerned are told: the
// continuation notices (継送連絡, MNT-22-4) at occurrence and resolution, the escalation when
// residents are affected (KWO-10-1-2, MNT-22-2, KTM-14-1), and the notes of the incident's log.
import { formatWarekiDateTime } from '../wareki.ts';
import { fieldErrorOf } from '../messages.ts';
import type { FieldError } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { INCIDENT_SEVERITIES, type IncidentSeverity } from './incidents.ts';

export const INCIDENT_MESSAGES = {
  handlersOnly: { ja: 'このシステムの障害を記録できるのは、システムの管理者だけです。', en: 'Only the administrators of this system record its incidents.' },
  confirmersOnly: {
    ja: '解消の確認は、規程が定めるシステムの管理者（役割の保有者）が行います。',
    en: 'The resolution is confirmed by an administrator of the system holding the role the rulebook names.',
  },
  analysisNote: { ja: '事後の分析及び再発防止策を記録', en: 'Post-incident analysis and preventive measures recorded' },
} as const satisfies Record<string, Bilingual>;

/** An update moves the incident to RECOVERING at most: the resolution has its own record. */
export function incidentUpdateStatusError(status: string | null | undefined, path: (string | number)[] = ['input', 'status']): FieldError | null {
  if (!status || status === 'recovering') return null;
  return fieldErrorOf(path, 'INVALID_VALUE', {
    ja: '経過で変更できる状態は「復旧対応中」だけです。解消は解消の記録で行ってください。',
    en: 'An update may only move the incident to RECOVERING; record the resolution with resolveIncident.',
  });
}

/** An incident as its notices tell it. */
export interface IncidentNoticeFacts {
  systemName: string;
  number: string;
  title: string;
  description: string;
  occurredAt: Date;
  degradedOperation: string | null;
  recoveryEta: Date | null;
  resolvedAt: Date | null;
  cause: string | null;
}

/** The continuation notice to every using section, at occurrence or at resolution (MNT-22-4). */
export function incidentSectionNotice(
  i: IncidentNoticeFacts,
  kind: 'occurrence' | 'resolution',
  noticeRuleIds: readonly RuleId[],
): { subject: string; body: string } {
  const label = kind === 'occurrence' ? '障害発生' : '障害解消';
  const lines =
    kind === 'occurrence'
      ? [
          `${i.systemName}で障害が発生しました（${i.number}）。`,
          `件名: ${i.title}`,
          `発生日時: ${formatWarekiDateTime(i.occurredAt)}`,
          `内容: ${i.description}`,
          ...(i.degradedOperation ? [`縮退運転: ${i.degradedOperation}`] : []),
          ...(i.recoveryEta ? [`復旧見込: ${formatWarekiDateTime(i.recoveryEta)}`] : []),
        ]
      : [
          `${i.systemName}の障害（${i.number} ${i.title}）は解消しました。`,
          `解消日時: ${formatWarekiDateTime(i.resolvedAt!)}`,
          ...(i.cause ? [`原因: ${i.cause}`] : []),
        ];
  return { subject: `【${label}】${i.systemName} ${i.title}`, body: `${lines.join('\n')}\n課内の職員へ周知してください（${noticeRuleIds.join('、')}）。` };
}

/** What the roles the rulebook names are told when residents are affected. */
export function incidentEscalationNotice(
  i: IncidentNoticeFacts,
  escalation: { label: Bilingual; ruleIds: readonly RuleId[] },
): { subject: string; body: string } {
  return {
    subject: `【市民への影響あり】${i.systemName} ${i.title}`,
    body: `${i.systemName}の障害（${i.number}）は市民（区民）に影響しています。\n発生日時: ${formatWarekiDateTime(i.occurredAt)}\n内容: ${i.description}\n${escalation.label.ja}（${escalation.ruleIds.join('、')}）。`,
  };
}

/** The log's note of an escalation: whom it went to (by position). */
export const escalationNote = (label: Bilingual, positions: readonly string[]): string => `${label.ja}: ${positions.join('、') || '該当者なし'}`;

/** The log's note of a report: its severity, and whether residents are affected. */
export const incidentReportNote = (severity: IncidentSeverity, residentsAffected: boolean): string =>
  `${INCIDENT_SEVERITIES[severity].ja}${residentsAffected ? '・市民への影響あり' : ''}`;
