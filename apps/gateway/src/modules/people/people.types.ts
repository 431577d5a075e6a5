import type { RuleId } from '@tsukasa/domain';
import { Field, ID, Int, ObjectType, InputType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/shared.types.ts';
import { Protected } from '../../graphql/field-access.ts';

export enum RoleVia {
  POSITION = 'position',
  DEPUTY = 'deputy',
}
registerEnumType(RoleVia, {
  name: 'RoleVia',
  description: 'Held through a position, or as a deputy on behalf of its holder (MNT-6-4, MNT-7-3, KTM-3-6, KWW-4-1).',
});

@ObjectType({ description: 'A position held over a period (人事異動 keeps history).' })
export class Tenure {
  @Field(() => ID) positionId!: string;
  @Field(() => String, { description: 'ISO date, inclusive.' }) from!: string;
  @Field(() => String, { nullable: true, description: 'ISO date, exclusive; null = current.' }) to!: string | null;
}

@ObjectType('HeldRole', { description: 'A rulebook role a staff member holds at an instant.' })
export class HeldRole {
  @Field(() => String) rulebookId!: string;
  @Field(() => String) roleKey!: string;
  @Field(() => String, { description: 'As the regulation names it, e.g. 情報管理責任者.' }) roleName!: string;
  @Field(() => String) roleNameEn!: string;
  @Field(() => ID) positionId!: string;
  @Field(() => String, { nullable: true }) scopeKey!: string | null;
  @Field(() => String, { nullable: true }) scopeLabel!: string | null;
  @Field(() => RoleVia) via!: RoleVia;
  @Field(() => ID, { nullable: true, description: 'For a deputy: the role holder acted for.' }) onBehalfOfStaffId!: string | null;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'A staff member (職員).' })
export class Staff {
  @Field(() => ID) id!: string;
  @Field(() => String) familyName!: string;
  @Field(() => String) givenName!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) familyNameKana!: string;
  @Field(() => String) givenNameKana!: string;
  @Field(() => String, { description: '職員番号' }) employeeNumber!: string;
  @Field(() => String, { description: 'Work e-mail.' }) email!: string;
  @Field(() => String, { description: '内線' }) extension!: string;

  @Protected<Staff>({ asset: { kind: 'staff_contacts' }, subject: (s) => ({ staffId: s.id }), target: (s) => ({ type: 'staff', id: s.id }) })
  @Field(() => String, { nullable: true, description: 'Personal phone: protected (職員の個人連絡先). Null with FORBIDDEN_FIELD unless allowed.' })
  personalPhone!: string | null;
}

@ObjectType()
export class StaffEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Staff) node!: Staff;
}

@ObjectType()
export class StaffConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [StaffEdge]) edges!: StaffEdge[];
}

@InputType()
export class StaffFilter {
  @Field(() => String, { nullable: true, description: 'Name, kana or staff number.' }) text?: string | null;
  @Field(() => ID, { nullable: true, description: 'Current members of this org unit and the units below it.' }) orgUnitId?: string | null;
}

@ObjectType({ description: 'A person of a contractor (受託事業者).' })
export class ContractorPerson {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  contractorId!: string;

  @Protected<ContractorPerson>({ asset: { kind: 'contractor_contacts' }, target: (p) => ({ type: 'contractor_person', id: p.id }) })
  @Field(() => String, { nullable: true, description: 'Protected (委託事業者の連絡先).' })
  email!: string | null;

  @Protected<ContractorPerson>({ asset: { kind: 'contractor_contacts' }, target: (p) => ({ type: 'contractor_person', id: p.id }) })
  @Field(() => String, { nullable: true, description: 'Protected (委託事業者の連絡先).' })
  phone!: string | null;
}

@ObjectType({ description: 'A contractor (external company).' })
export class Contractor {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A data item of an information asset (e.g. a resident-record item).' })
export class DataItem {
  @Field(() => ID, { description: 'Name data items by id in a data-use consultation (ARK-14).' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { nullable: true, description: '住民基本台帳法第7条 item 1–8 (exempt from ARK-14 data-use approval).' }) basicResidentItem!: number | null;
  @Field(() => Boolean) personal!: boolean;
}

@ObjectType({ description: 'A member of an emergency contact network.' })
export class ContactNetworkMember {
  @Field(() => String, { description: 'e.g. システム管理者（判断）' }) duty!: string;
  @Field(() => Boolean, { description: 'Can give information (KWW-9-2, KTM-14-4).' }) canInform!: boolean;
  @Field(() => Boolean, { description: 'Can decide (KWW-9-2, KTM-14-4).' }) canDecide!: boolean;
  @Field(() => String, { nullable: true }) phone!: string | null;
  staffId!: string | null;
  contractorPersonId!: string | null;
}

@ObjectType({ description: 'Emergency contact network of a system (KWW-9, KTM-14, KWO-10). Shown only to those who may see it.' })
export class ContactNetwork {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) ruleIds!: RuleId[];
  systemId!: string;
  managingOrgUnitId!: string;
  rulebookId!: string | null;
}
