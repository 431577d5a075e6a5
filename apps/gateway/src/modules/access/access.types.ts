import { FIELD_CHECK_KIND_VALUES, SUSPENSION_GROUND_VALUES, type FieldCheckKind, type RuleId } from '@tsukasa/domain';
import { graphqlEnum } from '../../graphql/enums.ts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Bilingual, PageInfo } from '../../graphql/shared.types.ts';
import { TextFormat } from '../../graphql/input-guard.ts';

export enum AccessDenialCode {
  NO_ACCOUNT = 'NO_ACCOUNT',
  NOT_YET_VALID = 'NOT_YET_VALID',
  EXPIRED = 'EXPIRED',
  ENDED = 'ENDED',
  DUTY_ENDED = 'DUTY_ENDED',
  SUSPENDED = 'SUSPENDED',
  OPERATOR_NOT_APPROVED = 'OPERATOR_NOT_APPROVED',
  SYSTEM_NOT_IN_SERVICE = 'SYSTEM_NOT_IN_SERVICE',
  CLOSED_DAY = 'CLOSED_DAY',
  OUTSIDE_OPERATING_HOURS = 'OUTSIDE_OPERATING_HOURS',
  MAINTENANCE = 'MAINTENANCE',
}
registerEnumType(AccessDenialCode, { name: 'AccessDenialCode' });

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  ENDED = 'ENDED',
  EXPIRED = 'EXPIRED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  DUTY_ENDED = 'DUTY_ENDED',
}
registerEnumType(AccountStatus, { name: 'AccountStatus', description: 'State of an account at the instant asked (default: now).' });

export const FieldCheckKindEnum = graphqlEnum(FIELD_CHECK_KIND_VALUES, {
  name: 'FieldCheckKind',
  description: 'The viewer’s own record, the asset’s owner, a role of the rulebook, or a grant.',
});

export const SuspensionGroundEnum = graphqlEnum(SUSPENSION_GROUND_VALUES, {
  name: 'SuspensionGround',
  description:
    'Why an account is suspended, which decides the rule cited: in Kitami a breach of the privacy law (KTM-10-4) or an ordinary revocation (KTM-10-1, KTM-10-3); Minato suspends under MNT-16 whatever the ground.',
});

@ObjectType()
export class AccessReason {
  @Field(() => AccessDenialCode) code!: AccessDenialCode;
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'May a staff member use a system at an instant, with which authority, and if not, every reason why.' })
export class AccessDecision {
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => String, { nullable: true, description: 'The authority profile (操作権限) when allowed.' }) authority!: string | null;
  @Field(() => [AccessReason]) reasons!: AccessReason[];
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => ID) staffId!: string;
  @Field(() => ID) systemId!: string;
  @Field(() => Date) at!: Date;
  @Field(() => ID, { nullable: true }) accountId!: string | null;
  @Field(() => String, { nullable: true, description: 'KTM-12-1: the purpose of use recorded on the account the decision relied on.' }) purpose!: string | null;
}

@ObjectType({ description: "A staff member's right to use a system with an authority profile (操作権限)." })
export class Account {
  @Field(() => ID) id!: string;
  @Field(() => String) authorityProfile!: string;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { nullable: true, description: 'End declared at application (MNT-11), exclusive.' }) validTo!: Date | null;
  @Field(() => Date, { nullable: true }) suspendedAt!: Date | null;
  @Field(() => String, { nullable: true }) suspensionReason!: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'The rules the suspension was made under, by its ground (KTM-10-4, or KTM-10-1 and KTM-10-3; MNT-16).',
  })
  suspensionRuleIds!: RuleId[] | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => String, { nullable: true }) endReason!: string | null;
  @Field(() => String, { nullable: true, description: 'KTM-12-1: what the account is used for (the holder’s duties, training …).' }) purpose!: string | null;
  @Field(() => Date, { nullable: true, description: 'ARK-10-1: when the chief of a using section approved the holder as an operator.' })
  operatorApprovedAt!: Date | null;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => String, { description: 'Position in the accounts feed.' }) changeSeq!: string;
  @Field(() => Int) version!: number;
  @Field(() => Date) updatedAt!: Date;
  staffId!: string;
  systemId!: string;
  dutyPositionId!: string | null;
  operatorApprovedById!: string | null;
}

@ObjectType()
export class AccountEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Account) node!: Account;
}

@ObjectType()
export class AccountConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [AccountEdge]) edges!: AccountEdge[];
}

@ObjectType({ description: 'Changes to a system’s accounts after a cursor, oldest first. Store `cursor` and ask again with it.' })
export class AccountFeed {
  @Field(() => [Account]) changes!: Account[];
  @Field(() => String, { description: 'Pass as `after` next time (unchanged when there was nothing new).' }) cursor!: string;
  @Field(() => Boolean) hasMore!: boolean;
}

@InputType()
export class CreateAccountInput {
  @Field(() => ID) staffId!: string;
  @Field(() => ID) systemId!: string;
  @Field(() => String) authorityProfile!: string;
  @Field(() => Date, { nullable: true, description: 'Default: now.' }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'MNT-11: end declared at application.' }) validTo?: Date | null;
  @Field(() => ID, { nullable: true, description: 'KTM-11: the duty (position) the account is for; it ends when the holder leaves it.' }) dutyPositionId?:
    string | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true, description: 'KTM-12-1: what the account is used for; required on a Kitami system.' })
  purpose?: string | null;
}

export enum GrantStateEnum {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  PARTLY_APPROVED = 'PARTLY_APPROVED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DUTY_ENDED = 'DUTY_ENDED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(GrantStateEnum, {
  name: 'GrantState',
  description: 'Where a grant stands at the instant asked (now).',
  valuesConfig: {
    PENDING_APPROVAL: { description: 'No owner has approved yet.' },
    PARTLY_APPROVED: { description: 'Some owners have approved, not every one (KWW-5-2).' },
    NOT_YET_VALID: { description: 'Approved by every owner; its period has not begun.' },
    ACTIVE: { description: 'Approved by every owner and in its period.' },
    SUSPENDED: { description: 'Suspended by an owner.' },
    DUTY_ENDED: { description: 'The grantee left the duty it was for (KTM-11).' },
    EXPIRED: { description: 'Its period is over.' },
    REVOKED: { description: 'Revoked by an owner (a request still waiting: withdrawn).' },
  },
});

export enum GrantEventKindEnum {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  BECAME_VALID = 'BECAME_VALID',
  SUSPENDED = 'SUSPENDED',
  REINSTATED = 'REINSTATED',
  DUTY_ENDED = 'DUTY_ENDED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(GrantEventKindEnum, { name: 'GrantEventKind' });

@ObjectType({ description: "One owner's approval of a grant (KWW-5-2)." })
export class GrantApproval {
  @Field(() => ID) ownerPositionId!: string;
  @Field(() => Date) approvedAt!: Date;
  approvedById!: string;
  onBehalfOfId!: string | null;
}

@ObjectType({
  description: 'An event in the life of a grant. `by` is null for what the calendar did (its first or last day, a personnel change) or what was not recorded.',
})
export class GrantEvent {
  @Field(() => GrantEventKindEnum) kind!: GrantEventKindEnum;
  @Field(() => Date) at!: Date;
  @Field(() => ID, { nullable: true, description: 'The owner position an approval was given for.' }) ownerPositionId!: string | null;
  byId!: string | null;
  onBehalfOfId!: string | null;
}

@ObjectType({ description: 'A right to see protected fields of an information asset, approved by its owner(s).' })
export class Grant {
  @Field(() => ID) id!: string;
  @Field(() => ID) assetId!: string;
  @Field(() => ID) granteeId!: string;
  @Field(() => ID, { nullable: true }) positionId!: string | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { nullable: true }) validTo!: Date | null;
  @Field(() => Date, { nullable: true }) suspendedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => [String], { nullable: true }) fields!: string[] | null;
  @Field(() => String) purpose!: string;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => [ID], { description: 'Owner positions whose approval is needed.' }) ownerPositionIds!: string[];
  @Field(() => [ID], { description: 'Owner positions that have approved.' }) approvedPositionIds!: string[];
  @Field(() => [GrantApproval], { description: 'Each approval: the owner position, who gave it (a deputy on behalf of the owner) and when, oldest first.' })
  approvals!: GrantApproval[];
  @Field(() => GrantStateEnum) state!: GrantStateEnum;
  @Field(() => Date, { description: 'When the grant entered its state.' }) stateChangedAt!: Date;
  @Field(() => [GrantEvent], { description: 'Every state the grant has passed through, oldest first.' }) history!: GrantEvent[];
  requestedById!: string;
  stateChangedById!: string | null;
  stateChangedOnBehalfOfId!: string | null;
}

@InputType()
export class RequestGrantInput {
  @Field(() => ID) assetId!: string;
  @Field(() => ID) granteeId!: string;
  @Field(() => ID, { nullable: true, description: 'The duty it is for; the grant lapses when the grantee leaves it.' }) positionId?: string | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { nullable: true }) validTo?: Date | null;
  @Field(() => [String], { nullable: true, description: 'Protected field names; null = all of the asset’s.' }) fields?: string[] | null;
  @TextFormat('multiline')
  @Field(() => String)
  purpose!: string;
}

@ObjectType()
export class FieldCheck {
  @Field(() => FieldCheckKindEnum) kind!: FieldCheckKind;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: '“Why can’t X see this?” — the decision and every rule checked.' })
export class FieldAccessExplanation {
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => String) reason!: string;
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => [FieldCheck]) checks!: FieldCheck[];
}
