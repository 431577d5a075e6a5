import { enumValues, graphql, type EnumOf, type ResultOf } from './graphql.ts';

/** 審議事項, 継続審議事項, 報告事項, その他 — in the order a 次第 prints them. */
export type AgendaGroup = EnumOf<'AgendaGroup'>;
export const AGENDA_GROUPS = enumValues<'AgendaGroup'>()(['DELIBERATION', 'CARRIED_OVER', 'REPORT', 'OTHER']);

/** The groups whose items are decided (the others are heard). */
export const DECIDED_GROUPS: readonly AgendaGroup[] = ['DELIBERATION', 'CARRIED_OVER'];

/** 承認, 条件付き承認, 否認, 継続審議 */
export type ItemOutcome = EnumOf<'ItemOutcome'>;
export const ITEM_OUTCOMES = enumValues<'ItemOutcome'>()(['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'DEFERRED']);

/**
 * The attendee roles counted as members (the quorum, dissent, sign-offs). Attendee.role is a
 * String in the schema; its description lists chair, member, temporary_member, substitute,
 * invited, secretariat and contractor.
 */
export const MEMBER_ROLES: readonly string[] = ['chair', 'member', 'temporary_member', 'substitute'];

/** 臨時委員 (ARK-17-2), 代理出席 (MNT-9-3), 委員以外の出席者 (ARK-19-2) */
export type ExtraAttendeeRole = EnumOf<'ExtraAttendeeRole'>;
export type Vote = EnumOf<'Vote'>;
export type DocumentKind = EnumOf<'MeetingDocumentKind'>;
export type DocumentFormat = EnumOf<'MeetingDocumentFormat'>;

/**
 * The figures of a standing report (operations: filed / decided / in_progress; others: recorded).
 * AgendaItem.figures is a JSONObject in the schema, so its keys are described here.
 */
export interface StandingFigures {
  kind?: string;
  from?: string;
  to?: string;
  filed?: number;
  decided?: number;
  in_progress?: number;
  recorded?: number;
}

// ── Fragments ─────────────────────────────────────────────────────────────────

const CommitteeFields = graphql(`
  fragment CommitteeFields on Committee {
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
`);

export type CommitteeRules = ResultOf<typeof CommitteeFields>['rules'];

export const MeetingSummaryFields = graphql(`
  fragment MeetingSummaryFields on Meeting {
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
`);

const AgendaItemFields = graphql(`
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
`);

export type AgendaItem = ResultOf<typeof AgendaItemFields>;

const MeetingDetailFields = graphql(
  `
    fragment MeetingDetailFields on Meeting {
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
  `,
  [MeetingSummaryFields, CommitteeFields, AgendaItemFields],
);

export type MeetingDetail = ResultOf<typeof MeetingDetailFields>;
export type Attendee = MeetingDetail['attendees'][number];
export type Quorum = MeetingDetail['quorum'];

// ── Queries ───────────────────────────────────────────────────────────────────

/** The municipality's committees, each with its latest meetings, and the rulebooks' titles. */
export const CommitteesQuery = graphql(
  `
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
  `,
  [CommitteeFields, MeetingSummaryFields],
);

/** One committee and who sits on it on the date (the new-meeting form). */
export const CommitteeQuery = graphql(
  `
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
  `,
  [CommitteeFields],
);

/** A meeting with everything the secretary works on, and the Markdown of both papers to preview. */
export const MeetingQuery = graphql(
  `
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
  `,
  [MeetingDetailFields],
);

/** The Markdown rendering of a paper, for the preview. */
export type MeetingText = NonNullable<ResultOf<typeof MeetingQuery>['meeting']>['agenda'];

/** One paper of a meeting (次第 or 会議録) as PDF, Word or Markdown, for download. */
export const MeetingFileQuery = graphql(`
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
`);

export type MeetingFile = NonNullable<ResultOf<typeof MeetingFileQuery>['meeting']>['document'];

// ── Mutations ─────────────────────────────────────────────────────────────────
// Each answers the meeting; the page reloads its data afterwards, so only the id and status are asked.

const MeetingStateFields = graphql(`
  fragment MeetingStateFields on Meeting {
    id
    status
  }
`);

export const CreateMeetingMutation = graphql(
  `
    mutation CreateMeeting($input: CreateMeetingInput!) {
      createMeeting(input: $input) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const RefreshAgendaMutation = graphql(
  `
    mutation RefreshAgenda($meetingId: ID!) {
      refreshAgenda(meetingId: $meetingId) {
        ...MeetingStateFields
        items {
          id
        }
      }
    }
  `,
  [MeetingStateFields],
);

export const ReorderAgendaMutation = graphql(
  `
    mutation ReorderAgenda($meetingId: ID!, $itemIds: [ID!]!) {
      reorderAgenda(meetingId: $meetingId, itemIds: $itemIds) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const AddAgendaItemMutation = graphql(
  `
    mutation AddAgendaItem($meetingId: ID!, $input: AgendaItemInput!) {
      addAgendaItem(meetingId: $meetingId, input: $input) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const RemoveAgendaItemMutation = graphql(
  `
    mutation RemoveAgendaItem($itemId: ID!, $reason: String!) {
      removeAgendaItem(itemId: $itemId, reason: $reason) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const FreezeAgendaMutation = graphql(
  `
    mutation FreezeAgenda($meetingId: ID!) {
      freezeAgenda(meetingId: $meetingId) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const AddAttendeeMutation = graphql(
  `
    mutation AddAttendee($meetingId: ID!, $input: AttendeeInput!) {
      addAttendee(meetingId: $meetingId, input: $input) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const RecordAttendanceMutation = graphql(
  `
    mutation RecordAttendance($meetingId: ID!, $presentIds: [ID!]!) {
      recordAttendance(meetingId: $meetingId, presentIds: $presentIds) {
        ...MeetingStateFields
        quorum {
          met
          message {
            ja
            en
          }
        }
      }
    }
  `,
  [MeetingStateFields],
);

export const RecordDecisionMutation = graphql(
  `
    mutation RecordDecision($input: RecordDecisionInput!) {
      recordDecision(input: $input) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const SignCirculationMutation = graphql(
  `
    mutation SignCirculation($input: SignCirculationInput!) {
      signCirculation(input: $input) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const CancelMeetingMutation = graphql(
  `
    mutation CancelMeeting($meetingId: ID!, $reason: String!) {
      cancelMeeting(meetingId: $meetingId, reason: $reason) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);

export const SendMinutesMutation = graphql(
  `
    mutation SendMinutes($meetingId: ID!) {
      sendMinutes(meetingId: $meetingId) {
        ...MeetingStateFields
      }
    }
  `,
  [MeetingStateFields],
);
