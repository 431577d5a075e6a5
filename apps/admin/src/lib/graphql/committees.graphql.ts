import { gql } from '@urql/core';
import type { Localized } from '../i18n/index.svelte.ts';
import type { DateTime, ID } from './types.ts';

// ── Shapes (apps/gateway/schema.graphql: CommitteeType, MeetingType, AgendaItem …) ───────────

/** draft (agenda editable), frozen (agenda fixed), held (attendance taken), closed (minutes sent), cancelled */
export const MEETING_STATUSES = ['draft', 'frozen', 'held', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** meeting or circulation (持回り) */
export type MeetingMode = 'meeting' | 'circulation';

/** 審議事項, 継続審議事項, 報告事項, その他 — in the order a 次第 prints them. */
export const AGENDA_GROUPS = ['DELIBERATION', 'CARRIED_OVER', 'REPORT', 'OTHER'] as const;
export type AgendaGroup = (typeof AGENDA_GROUPS)[number];

/** The groups whose items are decided (the others are heard). */
export const DECIDED_GROUPS: readonly AgendaGroup[] = ['DELIBERATION', 'CARRIED_OVER'];

/** 承認, 条件付き承認, 否認, 継続審議 */
export const ITEM_OUTCOMES = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'DEFERRED'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** chair, member, temporary_member, substitute, invited, secretariat, contractor */
export const ATTENDEE_ROLES = ['chair', 'member', 'temporary_member', 'substitute', 'invited', 'secretariat', 'contractor'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

/** The roles counted as members (the quorum, dissent, sign-offs). */
export const MEMBER_ROLES: readonly string[] = ['chair', 'member', 'temporary_member', 'substitute'];

/** 臨時委員 (ARK-17-2), 代理出席 (MNT-9-3), 委員以外の出席者 (ARK-19-2) */
export type ExtraAttendeeRole = 'TEMPORARY_MEMBER' | 'SUBSTITUTE' | 'INVITED';

export type Vote = 'AGREE' | 'DISAGREE';
export type DocumentKind = 'AGENDA' | 'MINUTES';
export type DocumentFormat = 'PDF' | 'DOCX' | 'MARKDOWN';

export interface CommitteeRules {
  /** monthly or as_needed */
  cadence: string;
  cadenceRuleIds: string[];
  circulationAllowed: boolean;
  invitedAllowed: boolean;
  /** majority or none */
  quorum: string;
  quorumRuleIds: string[];
  quorumText: Localized;
  substitutesAllowed: boolean;
  temporaryMembersAllowed: boolean;
}

export interface CommitteeSeat {
  positionId: ID;
  title: string;
  staffId: ID | null;
  name: string | null;
}

export interface MeetingSummary {
  id: ID;
  title: string;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  place: string;
  mode: MeetingMode | string;
  status: MeetingStatus | string;
  number: number;
  fiscalYear: number;
}

export interface Committee {
  id: ID;
  key: string;
  name: string;
  nameEn: string;
  rulebookId: string;
  ruleIds: string[];
  secretariat: string;
  viewerMayKeep: boolean;
  rules: CommitteeRules;
}

export interface CommitteeWithMeetings extends Committee {
  chair: CommitteeSeat;
  meetings: MeetingSummary[];
}

export interface CommitteeWithMembers extends Committee {
  chair: CommitteeSeat;
  members: CommitteeSeat[];
}

export interface AgendaDocumentRef {
  label: string;
  title: string;
}

export interface Signoff {
  positionId: ID;
  positionTitle: string | null;
  staffName: string;
  vote: Vote;
  comment: string | null;
  signedAt: DateTime;
}

/** Figures of a standing report (operations: filed / decided / in_progress; others: recorded). */
export interface StandingFigures {
  kind?: string;
  from?: string;
  to?: string;
  filed?: number;
  decided?: number;
  in_progress?: number;
  recorded?: number;
}

export interface AgendaItem {
  id: ID;
  number: number;
  group: AgendaGroup;
  groupLabel: Localized;
  /** request, standing, carried_over or free */
  source: string;
  title: string;
  presenter: string | null;
  documents: AgendaDocumentRef[];
  ruleIds: string[];
  figures: StandingFigures | null;
  requestId: ID | null;
  request: { id: ID; number: string; status: string } | null;
  outcome: ItemOutcome | null;
  outcomeLabel: Localized | null;
  conditions: string | null;
  dissent: string[];
  note: string | null;
  decidedAt: DateTime | null;
  removedAt: DateTime | null;
  removedReason: string | null;
  signoffs: Signoff[];
  /** Member seats the viewer may sign this circulated item for now (deputies included). */
  viewerSignablePositionIds: ID[];
}

export interface Attendee {
  id: ID;
  role: AttendeeRole | string;
  title: string;
  name: string | null;
  staffId: ID | null;
  positionId: ID | null;
  substituteForId: ID | null;
  approvedByChair: boolean;
  /** Null until attendance is taken. */
  present: boolean | null;
}

export interface Quorum {
  members: number;
  present: number;
  required: number;
  met: boolean;
  message: Localized;
  ruleIds: string[];
}

export interface NotProposedItem {
  ref: string;
  title: string;
  reason: Localized;
  ruleIds: string[];
}

export interface MeetingFile {
  fileName: string;
  mimeType: string;
  text: string | null;
  base64: string;
}

/** The Markdown rendering of a paper, for the preview. */
export type MeetingText = Pick<MeetingFile, 'fileName' | 'text'>;

export interface MeetingDetail extends MeetingSummary {
  version: number;
  cutoffAt: DateTime | null;
  minutesSentAt: DateTime | null;
  viewerMayKeep: boolean;
  committee: Committee;
  items: AgendaItem[];
  removedItems: AgendaItem[];
  attendees: Attendee[];
  quorum: Quorum;
  notProposed: NotProposedItem[];
}

export interface CreateMeetingInput {
  committeeId: ID;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  circulation: boolean | null;
}

export interface AgendaItemInput {
  title: string;
  presenter: string | null;
  group: AgendaGroup | null;
  documents: string[] | null;
}

export interface AttendeeInput {
  role: ExtraAttendeeRole;
  title: string;
  name: string | null;
  staffId: ID | null;
  substituteForId: ID | null;
  approvedByChair: boolean | null;
}

export interface RecordDecisionInput {
  itemId: ID;
  outcome: ItemOutcome;
  conditions: string | null;
  dissentIds: ID[] | null;
  note: string | null;
}

// ── Fragments ─────────────────────────────────────────────────────────────────

const COMMITTEE_FIELDS = gql`
  fragment CommitteeFields on CommitteeType {
    id
    key
    name
    nameEn
    rulebookId
    ruleIds
    secretariat
    viewerMayKeep
    rules {
      cadence
      cadenceRuleIds
      circulationAllowed
      invitedAllowed
      quorum
      quorumRuleIds
      quorumText {
        ja
        en
      }
      substitutesAllowed
      temporaryMembersAllowed
    }
  }
`;

const MEETING_SUMMARY_FIELDS = gql`
  fragment MeetingSummaryFields on MeetingType {
    id
    title
    heldOn
    startTime
    endTime
    place
    mode
    status
    number
    fiscalYear
  }
`;

const ITEM_FIELDS = gql`
  fragment AgendaItemFields on AgendaItem {
    id
    number
    group
    groupLabel {
      ja
      en
    }
    source
    title
    presenter
    documents {
      label
      title
    }
    ruleIds
    figures
    requestId
    request {
      id
      number
      status
    }
    outcome
    outcomeLabel {
      ja
      en
    }
    conditions
    dissent
    note
    decidedAt
    removedAt
    removedReason
    signoffs {
      positionId
      positionTitle
      staffName
      vote
      comment
      signedAt
    }
    viewerSignablePositionIds
  }
`;

const MEETING_DETAIL_FIELDS = gql`
  fragment MeetingDetailFields on MeetingType {
    ...MeetingSummaryFields
    version
    cutoffAt
    minutesSentAt
    viewerMayKeep
    committee {
      ...CommitteeFields
    }
    items {
      ...AgendaItemFields
    }
    removedItems {
      ...AgendaItemFields
    }
    attendees {
      id
      role
      title
      name
      staffId
      positionId
      substituteForId
      approvedByChair
      present
    }
    quorum {
      members
      present
      required
      met
      message {
        ja
        en
      }
      ruleIds
    }
    notProposed {
      ref
      title
      reason {
        ja
        en
      }
      ruleIds
    }
  }
  ${MEETING_SUMMARY_FIELDS}
  ${COMMITTEE_FIELDS}
  ${ITEM_FIELDS}
`;

// ── Queries ───────────────────────────────────────────────────────────────────

/** The municipality's committees, each with its latest meetings, and the rulebooks' titles. */
export const CommitteesQuery = gql<
  {
    committees: CommitteeWithMeetings[];
    rulebooks: { id: string; title: string; titleEn: string }[];
  },
  { limit: number }
>`
  query Committees($limit: Int) {
    committees {
      ...CommitteeFields
      chair {
        positionId
        title
        staffId
        name
      }
      meetings(limit: $limit) {
        ...MeetingSummaryFields
      }
    }
    rulebooks {
      id
      title
      titleEn
    }
  }
  ${COMMITTEE_FIELDS}
  ${MEETING_SUMMARY_FIELDS}
`;

/** One committee and who sits on it on the date (the new-meeting form). */
export const CommitteeQuery = gql<{ committee: CommitteeWithMembers | null }, { id: ID; on: string | null }>`
  query Committee($id: ID!, $on: String) {
    committee(id: $id) {
      ...CommitteeFields
      chair(on: $on) {
        positionId
        title
        staffId
        name
      }
      members(on: $on) {
        positionId
        title
        staffId
        name
      }
    }
  }
  ${COMMITTEE_FIELDS}
`;

/** A meeting with everything the secretary works on, and the Markdown of both papers to preview. */
export const MeetingQuery = gql<
  { meeting: (MeetingDetail & { agenda: MeetingText; minutes: MeetingText }) | null },
  { id: ID }
>`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      ...MeetingDetailFields
      agenda: document(kind: AGENDA, format: MARKDOWN) {
        fileName
        text
      }
      minutes: document(kind: MINUTES, format: MARKDOWN) {
        fileName
        text
      }
    }
  }
  ${MEETING_DETAIL_FIELDS}
`;

/** One paper of a meeting (次第 or 会議録) as PDF, Word or Markdown, for download. */
export const MeetingFileQuery = gql<
  { meeting: { id: ID; document: MeetingFile } | null },
  { id: ID; kind: DocumentKind; format: DocumentFormat }
>`
  query MeetingFile($id: ID!, $kind: MeetingDocumentKind!, $format: MeetingDocumentFormat!) {
    meeting(id: $id) {
      id
      document(kind: $kind, format: $format) {
        fileName
        mimeType
        text
        base64
      }
    }
  }
`;

// ── Mutations ─────────────────────────────────────────────────────────────────
// Each answers the meeting; the page reloads its data afterwards, so only the id and status are asked.

type MeetingAck = { id: ID; status: string };

export const CreateMeetingMutation = gql<{ createMeeting: MeetingAck }, { input: CreateMeetingInput }>`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      id
      status
    }
  }
`;

export const RefreshAgendaMutation = gql<{ refreshAgenda: MeetingAck & { items: { id: ID }[] } }, { meetingId: ID }>`
  mutation RefreshAgenda($meetingId: ID!) {
    refreshAgenda(meetingId: $meetingId) {
      id
      status
      items {
        id
      }
    }
  }
`;

export const ReorderAgendaMutation = gql<{ reorderAgenda: MeetingAck }, { meetingId: ID; itemIds: ID[] }>`
  mutation ReorderAgenda($meetingId: ID!, $itemIds: [ID!]!) {
    reorderAgenda(meetingId: $meetingId, itemIds: $itemIds) {
      id
      status
    }
  }
`;

export const AddAgendaItemMutation = gql<{ addAgendaItem: MeetingAck }, { meetingId: ID; input: AgendaItemInput }>`
  mutation AddAgendaItem($meetingId: ID!, $input: AgendaItemInput!) {
    addAgendaItem(meetingId: $meetingId, input: $input) {
      id
      status
    }
  }
`;

export const RemoveAgendaItemMutation = gql<{ removeAgendaItem: MeetingAck }, { itemId: ID; reason: string }>`
  mutation RemoveAgendaItem($itemId: ID!, $reason: String!) {
    removeAgendaItem(itemId: $itemId, reason: $reason) {
      id
      status
    }
  }
`;

export const FreezeAgendaMutation = gql<{ freezeAgenda: MeetingAck }, { meetingId: ID }>`
  mutation FreezeAgenda($meetingId: ID!) {
    freezeAgenda(meetingId: $meetingId) {
      id
      status
    }
  }
`;

export const AddAttendeeMutation = gql<{ addAttendee: MeetingAck }, { meetingId: ID; input: AttendeeInput }>`
  mutation AddAttendee($meetingId: ID!, $input: AttendeeInput!) {
    addAttendee(meetingId: $meetingId, input: $input) {
      id
      status
    }
  }
`;

export const RecordAttendanceMutation = gql<
  { recordAttendance: MeetingAck & { quorum: { met: boolean; message: Localized } } },
  { meetingId: ID; presentIds: ID[] }
>`
  mutation RecordAttendance($meetingId: ID!, $presentIds: [ID!]!) {
    recordAttendance(meetingId: $meetingId, presentIds: $presentIds) {
      id
      status
      quorum {
        met
        message {
          ja
          en
        }
      }
    }
  }
`;

export const RecordDecisionMutation = gql<{ recordDecision: MeetingAck }, { input: RecordDecisionInput }>`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      id
      status
    }
  }
`;

export const SignCirculationMutation = gql<
  { signCirculation: MeetingAck },
  { input: { itemId: ID; vote: Vote; comment: string | null } }
>`
  mutation SignCirculation($input: SignCirculationInput!) {
    signCirculation(input: $input) {
      id
      status
    }
  }
`;

export const CancelMeetingMutation = gql<{ cancelMeeting: MeetingAck }, { meetingId: ID; reason: string }>`
  mutation CancelMeeting($meetingId: ID!, $reason: String!) {
    cancelMeeting(meetingId: $meetingId, reason: $reason) {
      id
      status
    }
  }
`;

export const SendMinutesMutation = gql<{ sendMinutes: MeetingAck }, { meetingId: ID }>`
  mutation SendMinutes($meetingId: ID!) {
    sendMinutes(meetingId: $meetingId) {
      id
      status
    }
  }
`;
