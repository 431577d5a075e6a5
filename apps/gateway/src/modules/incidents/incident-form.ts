// The 福祉総合システム障害等対応連絡票 (MNT-22-3 第8号様式) filled from an incident's record: the occurrence, the
// measures and recovery, the resolution and the analysis, the time-stamped log, and who reported, resolved
// and confirmed it, when.
import { authRepo, incidentRepo, toDate, toDateOrNull } from '@tsukasa/db';
import { minatoForm, type FormApproval, type FormEntry, type MinatoFormDefinition, type PrescribedForm } from '@tsukasa/documents';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, formatWarekiDateTime, rulebooks, type RulebookId } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { postOf } from '../requests/index.ts';

const UPDATE_KINDS: Record<string, string> = {
  report: '発生の報告',
  update: '経過',
  escalation: '協議・報告',
  resolution: '解消',
  analysis: '原因の分析',
  confirmation: '解消の確認',
};

/** The form an incident is printed on: 第8号様式 for a system under MNT, none elsewhere. */
export function formsOfIncident(rulebookId: string | null): MinatoFormDefinition[] {
  const def = minatoForm(8);
  return rulebookId === 'MNT' && def ? [def] : [];
}

const when = (d: Date | string | null) => (d ? formatWarekiDateTime(d, { withWestern: true }) : '');

export async function incidentForm(ctx: Context, incident: incidentRepo.IncidentRow, rulebookId: string, def: MinatoFormDefinition): Promise<PrescribedForm> {
  const db = await ctx.db.em();
  const name = async (id: string | null) => {
    const s = id ? await ctx.loaders.staff.load(id) : null;
    return s ? `${s.family_name} ${s.given_name}` : null;
  };
  const reportedAt = toDate(incident.reported_at);
  const [municipality, system, reporter, post, log] = await Promise.all([
    authRepo.municipalityById(db, ctx.viewer!.municipalityId),
    ctx.loaders.system.load(incident.system_id),
    name(incident.reported_by_id),
    postOf(ctx, incident.reported_by_id, reportedAt),
    incidentRepo.updatesOfIncidents(db, [incident.id]),
  ]);

  const line = (label: string, value: string | null | undefined): FormEntry => ({ label, values: value ? value.split('\n') : [] });
  const entries: FormEntry[] = [
    line('システム', system?.name),
    line('件名', incident.title),
    line('発生日時', when(incident.occurred_at)),
    line('検知日時', when(incident.detected_at)),
    line('障害等の内容', incident.description),
    line('重大度', INCIDENT_SEVERITIES[incident.severity]?.ja),
    line('区民への影響', incident.residents_affected ? 'あり' : 'なし'),
    line('縮退運転の内容', incident.degraded_operation),
    line('原因', incident.cause),
    line('復旧見込日時', when(toDateOrNull(incident.recovery_eta))),
    line('解消日時', when(toDateOrNull(incident.resolved_at))),
    line('原因の調査及び分析', incident.analysis),
    line('再発防止策', incident.preventive_measures),
    line('状況', INCIDENT_STATUSES[incident.status]?.ja),
  ];

  const rows = await Promise.all(
    log.map(async (u) => {
      const [by, behalf] = await Promise.all([name(u.by_id), name(u.on_behalf_of_id)]);
      return [
        formatWarekiDateTime(toDate(u.at)),
        UPDATE_KINDS[u.kind] ?? u.kind,
        [u.note, u.cause].filter((x): x is string => !!x).join('\n'),
        behalf ? `${by ?? ''}（${behalf}の代理）` : (by ?? ''),
      ];
    }),
  );

  const [resolver, confirmer, confirmedFor] = await Promise.all([
    name(incident.resolved_by_id),
    name(incident.confirmed_by_id),
    name(incident.confirmed_on_behalf_of_id),
  ]);
  const reportedFor = await name(incident.reported_on_behalf_of_id);
  const approvals: FormApproval[] = [
    { role: '報告者', step: '発生の報告', decision: '報告', decidedBy: reporter, onBehalfOf: reportedFor, decidedAt: reportedAt },
    {
      role: '報告者',
      step: '解消の報告',
      decision: incident.resolved_at ? '解消' : null,
      decidedBy: incident.resolved_at ? resolver : null,
      decidedAt: toDateOrNull(incident.resolved_at),
    },
    {
      role: '保健福祉課長',
      step: '解消の確認',
      decision: incident.confirmed_at ? '確認' : null,
      decidedBy: incident.confirmed_at ? confirmer : null,
      onBehalfOf: confirmedFor,
      decidedAt: toDateOrNull(incident.confirmed_at),
    },
  ];

  return {
    municipalityName: municipality?.name ?? '',
    rulebookTitle: rulebooks[rulebookId as RulebookId]?.title ?? rulebookId,
    formNumber: def.formNumber,
    article: def.article,
    title: def.title,
    number: incident.number,
    date: reportedAt,
    addressee: def.addressee ?? '',
    applicant: { section: post.section, title: post.title, name: reporter ?? '' },
    applicantLabel: def.applicantLabel,
    lead: def.lead,
    entries,
    table: { caption: '対応経過', columns: ['日時', '区分', '内容', '記録者'], rows },
    approvals,
    ruleIds: [...def.ruleIds],
  };
}
