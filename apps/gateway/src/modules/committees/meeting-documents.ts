// The printed papers of a meeting (次第, 会議録) from what the database holds.
import { meetingRepo, type Db } from '@tsukasa/db';
import { documentFileName, renderDocx, renderMarkdown, renderPdf, type MeetingDocument } from '@tsukasa/documents';
import { AGENDA_GROUPS, rulebooks, type RulebookId } from '@tsukasa/domain';
import { meetingTitle } from './meeting-support.ts';
import { quorumOfMeeting } from './sitting.service.ts';

export async function meetingDocument(db: Db, municipalityName: string, meeting: meetingRepo.MeetingRow, kind: 'agenda' | 'minutes'): Promise<MeetingDocument> {
  const committee = (await meetingRepo.committeeById(db, meeting.committee_id))!;
  const [items, attendees] = await Promise.all([meetingRepo.itemsOfMeetings(db, [meeting.id]), meetingRepo.attendeesOfMeetings(db, [meeting.id])]);
  const live = items.filter((i) => !i.removed_at);
  const quorum = kind === 'minutes' && meeting.mode === 'meeting' ? await quorumOfMeeting(db, committee, meeting.id) : null;
  const byId = new Map(attendees.map((a) => [a.id, a]));
  return {
    kind,
    municipalityName,
    committeeName: committee.name,
    meetingTitle: meetingTitle(committee, meeting),
    date: meeting.held_on,
    startTime: meeting.start_time,
    endTime: meeting.end_time,
    place: meeting.place,
    mode: meeting.mode,
    attendees: attendees.map((a) => ({
      title: a.title,
      name: a.name,
      role: a.role,
      substituteFor: a.substitute_for_id ? (byId.get(a.substitute_for_id)?.title ?? null) : null,
      ...(kind === 'minutes' && meeting.mode === 'meeting' ? { present: !!a.present } : {}),
    })),
    secretariat: committee.secretariat_name,
    items: live.map((i, n) => ({
      number: n + 1,
      group: AGENDA_GROUPS[i.group_key].ja,
      title: i.title,
      presenter: i.presenter,
      documents: i.documents,
      ruleIds: i.rule_ids,
      ...(kind === 'minutes' && i.outcome ? { decision: { outcome: i.outcome, conditions: i.conditions, dissent: i.dissent, note: i.decision_note } } : {}),
    })),
    quorum: quorum ? { members: quorum.members, present: quorum.present, required: quorum.required, met: quorum.met, ruleIds: quorum.ruleIds } : null,
    ruleIds: committee.rule_ids,
    notes: [`根拠規程: ${rulebooks[committee.rulebook_id as RulebookId]?.title ?? committee.rulebook_id}`],
  };
}

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
} as const;

export async function renderMeetingFile(doc: MeetingDocument, format: 'pdf' | 'docx' | 'md') {
  const fileName = documentFileName(doc, format);
  if (format === 'md') {
    const text = renderMarkdown(doc);
    return { fileName, mimeType: MIME.md, text, base64: Buffer.from(text, 'utf8').toString('base64') };
  }
  const buffer = format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  return { fileName, mimeType: MIME[format], text: null, base64: buffer.toString('base64') };
}
