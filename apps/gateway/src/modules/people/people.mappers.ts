// Rows of packages/db to the GraphQL types of people (DESIGN §3: types are not ORM rows).
import { graphqlObject } from '../../graphql/object.ts';
import type { accessRepo } from '@tsukasa/db';
import { ContactNetwork, ContractorPerson, Staff } from './people.types.ts';

export function toStaff(r: accessRepo.StaffRow): Staff {
  return graphqlObject(Staff, {
    id: r.id,
    familyName: r.family_name,
    givenName: r.given_name,
    displayName: `${r.family_name} ${r.given_name}`,
    familyNameKana: r.family_name_kana,
    givenNameKana: r.given_name_kana,
    employeeNumber: r.employee_number,
    email: r.email,
    extension: r.extension,
    personalPhone: r.personal_phone,
  });
}

export const toPerson = (r: accessRepo.ContractorPersonRow) =>
  graphqlObject(ContractorPerson, { id: r.id, name: r.name, email: r.email, phone: r.phone, contractorId: r.contractor_id });

export const toNetwork = (r: accessRepo.ContactNetworkRow) =>
  graphqlObject(ContactNetwork, {
    id: r.id,
    name: r.name,
    ruleIds: r.rule_ids,
    systemId: r.system_id,
    managingOrgUnitId: r.managing_org_unit_id,
    rulebookId: r.rulebook_id,
  });
