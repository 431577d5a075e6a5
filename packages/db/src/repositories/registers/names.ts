// How the registers show what they refer to: an org unit, a staff member, a day.
import { sql as raw, type Expression } from 'kysely';
import { tables } from '../sql.ts';

/** The name of a nullable reference's row is itself nullable. */
type NameOf<Id> = string | (null extends Id ? null : never);

/** An org unit as people name it: its parent's name first (川崎区役所 区民課, 区民生活部 戸籍住民課). */
export const unitLabel = <Id extends string | null>(unitId: Expression<Id>) =>
  tables
    .selectFrom('org_unit as uu')
    .leftJoin('org_unit as pp', 'pp.id', 'uu.parent_id')
    .select((eb) => raw<string>`coalesce(${eb.ref('pp.name')} || ' ', '') || ${eb.ref('uu.name')}`.as('label'))
    .where('uu.id', '=', unitId as Expression<string>)
    .$asScalar()
    .$castTo<NameOf<Id>>();

/** A staff member as people name them, family name first. */
export const staffName = <Id extends string | null>(staffId: Expression<Id>) =>
  tables
    .selectFrom('staff as ss')
    .select((eb) => raw<string>`${eb.ref('ss.family_name')} || ' ' || ${eb.ref('ss.given_name')}`.as('name'))
    .where('ss.id', '=', staffId as Expression<string>)
    .$asScalar()
    .$castTo<NameOf<Id>>();

/** A date column as 'YYYY-MM-DD', whatever the pool's type parsers make of dates. */
export const isoDay = <Day extends string | null>(day: Expression<Day>) => raw<Day>`to_char(${day}, 'YYYY-MM-DD')`;
