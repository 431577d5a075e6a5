import pg from 'pg';
import { countOf, listOf } from '@tsukasa/domain';
import { demoAccess, type MunicipalitySeed } from '@tsukasa/seed';
import { OWNER_ROLE } from '../orm.ts';
import { SCHEMA } from '../runtime/provision.ts';
import { uuidFromKey } from './ids.ts';
import { upsertMany } from './upsert.ts';
import { seedRegisters } from './registers.seed.ts';
import { seedProcedures } from './procedures.seed.ts';
import { seedIncidents } from './incidents.seed.ts';

export class ProductionDatabaseError extends Error {
  constructor() {
    super('Refusing to load demo data: this database is marked as production (deployment_setting environment=production).');
  }
}

export interface SeedOptions {
  /** Hashes a demo password; the caller brings the algorithm (argon2id in the gateway). */
  hashPassword: (plain: string) => Promise<string>;
  demoPassword: string;
  log?: (line: string) => void;
}

/** What seeding changed in one municipality's data. */
export interface SeedReport {
  code: string;
  /** Rows added, per table (tables with none left out). */
  added: Record<string, number>;
  /** Rows brought back in line with the demo data (updated or removed). */
  updated: number;
}

/** The report as a line: what was added and updated, or that nothing changed. */
export function describeSeedReport(r: SeedReport): string {
  const { system = 0, staff = 0 } = r.added;
  const added = Object.values(r.added).reduce((a, b) => a + b, 0);
  if (added === 0 && r.updated === 0) return `demo data of ${r.code} is up to date: nothing changed`;
  const parts: string[] = [];
  if (added > 0) {
    const other = added - system - staff;
    const items = [
      system > 0 ? countOf(system, 'system') : '',
      staff > 0 ? countOf(staff, 'staff member') : '',
      other > 0 ? countOf(other, system + staff > 0 ? 'other record' : 'record') : '',
    ];
    parts.push(`added ${listOf(items.filter(Boolean))}`);
  }
  if (r.updated > 0) parts.push(`updated ${countOf(r.updated, 'record')}`);
  return `demo data of ${r.code}: ${parts.join('; ')}`;
}

/** Tables the database maintains itself (triggers bump the authorization epoch): not demo data. */
const BOOKKEEPING = new Set(['authz_epoch']);

/** Rows inserted and updated or deleted so far in this transaction, per table of the schema. */
async function writesSoFar(client: pg.ClientBase): Promise<Map<string, { inserted: number; changed: number }>> {
  const r = await client.query<{ relname: string; ins: number; upd: number; del: number }>(
    'select relname, n_tup_ins::int as ins, n_tup_upd::int as upd, n_tup_del::int as del from pg_stat_xact_user_tables where schemaname = $1',
    [SCHEMA],
  );
  return new Map(r.rows.map((t) => [t.relname, { inserted: t.ins, changed: t.upd + t.del }]));
}

export const idOf = (code: string, key: string): string => uuidFromKey(`${code}:${key}`);
export const municipalityIdOf = (code: string): string => uuidFromKey(`municipality:${code}`);

/**
 * Loads the demo data of the given municipalities idempotently: every row has a deterministic id,
 * so a second run updates in place and creates nothing twice. Passwords are set only where none is set.
 * Returns (and logs) what changed in each municipality: the rows added per table and the rows
 * updated — nothing, on a second run over unchanged demo data.
 */
export async function seedDemo(url: string, municipalities: MunicipalitySeed[], opts: SeedOptions): Promise<SeedReport[]> {
  const reports: SeedReport[] = [];
  const client = new pg.Client({ connectionString: url, options: `-c role=${OWNER_ROLE} -c search_path=${SCHEMA}` });
  await client.connect();
  try {
    await client.query('begin');
    const env = await client.query<{ value: string }>(`select value from deployment_setting where key = 'environment'`);
    if (env.rows[0]?.value === 'production') throw new ProductionDatabaseError();
    for (const m of municipalities) {
      const before = await writesSoFar(client);
      await seedMunicipality(client, m, opts);
      const report: SeedReport = { code: m.code, added: {}, updated: 0 };
      for (const [table, after] of await writesSoFar(client)) {
        if (BOOKKEEPING.has(table)) continue;
        const inserted = after.inserted - (before.get(table)?.inserted ?? 0);
        if (inserted > 0) report.added[table] = inserted;
        report.updated += after.changed - (before.get(table)?.changed ?? 0);
      }
      // A municipality loaded for the first time is all new: rows completed after their insert
      // (a system's security notes, say) are not updates of anything that was there.
      if (report.added['municipality']) report.updated = 0;
      reports.push(report);
      opts.log?.(describeSeedReport(report));
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    await client.end();
  }
  return reports;
}

async function seedMunicipality(client: pg.ClientBase, m: MunicipalitySeed, opts: SeedOptions): Promise<void> {
  const mid = municipalityIdOf(m.code);
  const id = (key: string) => idOf(m.code, key);
  const now = new Date();
  await upsertMany(
    client,
    'municipality',
    [
      {
        id: mid,
        code: m.code,
        name: m.name,
        name_en: m.nameEn,
        prefecture: m.prefecture,
        time_zone: m.timeZone,
        classification_scale: m.classificationScale,
        rulebook_ids: m.rulebookIds,
        created_at: now,
      },
    ],
    ['id'],
    ['created_at'],
  );
  // Parents before children: org units are ordered so that a parent precedes its children.
  const orgOrder = topologicalOrgUnits(m);
  await upsertMany(
    client,
    'org_unit',
    orgOrder.map((o, i) => ({
      id: id(o.key),
      municipality_id: mid,
      key: o.key,
      parent_id: o.parentKey ? id(o.parentKey) : null,
      name: o.name,
      name_en: o.nameEn,
      level: o.level,
      sort_order: i,
    })),
    ['id'],
  );
  await upsertMany(
    client,
    'position',
    m.positions.map((p, i) => ({
      id: id(p.key),
      municipality_id: mid,
      key: p.key,
      org_unit_id: id(p.orgUnitKey),
      title: p.title,
      name: p.name,
      kind: p.kind,
      sort_order: i,
    })),
    ['id'],
  );
  const staffRows = [];
  for (const s of m.staff) {
    staffRows.push({
      id: id(s.key),
      municipality_id: mid,
      key: s.key,
      family_name: s.familyName,
      given_name: s.givenName,
      family_name_kana: s.familyNameKana,
      given_name_kana: s.givenNameKana,
      employee_number: s.employeeNumber,
      email: s.email,
      extension: s.extension,
      personal_phone: s.personalPhone,
      username: s.username ?? null,
      password_hash: s.username ? await opts.hashPassword(opts.demoPassword) : null,
      registry_admin: s.registryAdmin ?? false,
      failed_sign_ins: 0,
      locked_until: null,
      created_at: now,
    });
  }
  // A password already set (perhaps changed by its user) is kept.
  await upsertMany(client, 'staff', staffRows, ['id'], ['password_hash', 'created_at', 'failed_sign_ins', 'locked_until']);
  await upsertMany(
    client,
    'position_tenure',
    m.staff.flatMap((s) =>
      s.tenures.map((t) => ({
        id: id(`${s.key}@${t.positionKey}@${t.from}`),
        municipality_id: mid,
        staff_id: id(s.key),
        position_id: id(t.positionKey),
        valid_from: t.from,
        valid_to: t.to ?? null,
      })),
    ),
    ['id'],
  );
  await upsertMany(
    client,
    'role_binding',
    m.roleBindings.map((r) => ({
      id: id(`role:${r.rulebookId}:${r.roleKey}:${r.positionKey}:${r.scope?.key ?? ''}`),
      municipality_id: mid,
      rulebook_id: r.rulebookId,
      role_key: r.roleKey,
      position_id: id(r.positionKey),
      scope_key: r.scope?.key ?? null,
      scope_label: r.scope?.label ?? null,
      rule_ids: r.ruleIds,
    })),
    ['id'],
  );
  await upsertMany(
    client,
    'contractor',
    m.contractors.map((c) => ({ id: id(c.key), municipality_id: mid, key: c.key, name: c.name })),
    ['id'],
  );
  await upsertMany(
    client,
    'contractor_person',
    m.contractors.flatMap((c) =>
      c.people.map((p) => ({
        id: id(p.key),
        municipality_id: mid,
        contractor_id: id(c.key),
        key: p.key,
        name: p.name,
        email: p.email,
        phone: p.phone,
      })),
    ),
    ['id'],
  );
  // Registry rows keep their version and timestamps on reseed: an administrator's later edit wins.
  await upsertMany(
    client,
    'system',
    m.systems.map((s) => ({
      id: id(s.key),
      municipality_id: mid,
      key: s.key,
      name: s.name,
      business_content: s.businessContent,
      managing_org_unit_id: id(s.managingOrgUnitKey),
      management_type: s.managementType,
      lifecycle_status: s.status,
      rulebook_id: s.rulebookId,
      contractor_id: s.contractorKey ? id(s.contractorKey) : null,
      version: 1,
      created_at: now,
      updated_at: now,
    })),
    ['id'],
    ['name', 'business_content', 'managing_org_unit_id', 'management_type', 'lifecycle_status', 'version', 'created_at', 'updated_at'],
  );
  await upsertMany(
    client,
    'system_using_org_unit',
    m.systems.flatMap((s) =>
      [...new Set(s.usingOrgUnitKeys)].map((o, i) => ({
        system_id: id(s.key),
        org_unit_id: id(o),
        municipality_id: mid,
        sort_order: i,
      })),
    ),
    ['system_id', 'org_unit_id'],
    ['sort_order'],
  );
  const access = demoAccess(m, now);
  const assets = [...m.informationAssets, ...access.protectedAssets];
  await upsertMany(
    client,
    'information_asset',
    assets.map((a) => ({
      id: id(a.key),
      municipality_id: mid,
      key: a.key,
      name: a.name,
      business: a.business,
      kind: a.kind ?? 'business',
      confidentiality: a.classification.confidentiality,
      integrity: a.classification.integrity,
      availability: a.classification.availability,
      rule_ids: a.ruleIds,
      version: 1,
      created_at: now,
      updated_at: now,
    })),
    ['id'],
    ['confidentiality', 'integrity', 'availability', 'version', 'created_at', 'updated_at'],
  );
  await upsertMany(
    client,
    'information_asset_owner',
    assets.flatMap((a) => a.ownerPositionKeys.map((p, i) => ({ asset_id: id(a.key), position_id: id(p), municipality_id: mid, sort_order: i }))),
    ['asset_id', 'position_id'],
    ['sort_order'],
  );
  await upsertMany(
    client,
    'information_asset_system',
    assets.flatMap((a) => a.systemKeys.map((s) => ({ asset_id: id(a.key), system_id: id(s), municipality_id: mid }))),
    ['asset_id', 'system_id'],
  );
  await upsertMany(
    client,
    'data_item',
    m.informationAssets.flatMap((a) =>
      a.dataItems.map((d, i) => ({
        id: id(`${a.key}#${d.name}`),
        municipality_id: mid,
        asset_id: id(a.key),
        name: d.name,
        basic_resident_item: d.basicResidentItem ?? null,
        personal: d.personal,
        sort_order: i,
      })),
    ),
    ['id'],
  );
  await upsertMany(
    client,
    'committee',
    m.committees.map((c) => ({
      id: id(c.key),
      municipality_id: mid,
      key: c.key,
      rulebook_id: c.rulebookId,
      name: c.name,
      name_en: c.nameEn,
      chair_position_id: id(c.chairPositionKey),
      secretariat_org_unit_id: id(c.secretariatOrgUnitKey),
      rule_ids: c.ruleIds,
    })),
    ['id'],
  );
  await upsertMany(
    client,
    'committee_member',
    m.committees.flatMap((c) => c.memberPositionKeys.map((p, i) => ({ committee_id: id(c.key), position_id: id(p), municipality_id: mid, sort_order: i }))),
    ['committee_id', 'position_id'],
    ['sort_order'],
  );
  await seedAccess(client, m, access, id, mid);
  await seedRegisters(client, m, id, mid);
  await seedProcedures(client, m, id, mid);
  await seedIncidents(client, m, id, mid);
  await client.query(`insert into audit_chain_head (municipality_id, last_seq, last_hash) values ($1, 0, $2) on conflict do nothing`, [mid, '0'.repeat(64)]);
}

function topologicalOrgUnits(m: MunicipalitySeed): MunicipalitySeed['orgUnits'] {
  const byKey = new Map(m.orgUnits.map((o) => [o.key, o]));
  const out: MunicipalitySeed['orgUnits'] = [];
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const o = byKey.get(key);
    if (!o) throw new Error(`unknown org unit ${key} in ${m.code}`);
    seen.add(key);
    if (o.parentKey) visit(o.parentKey);
    out.push(o);
  };
  for (const o of m.orgUnits) visit(o.key);
  return out;
}

/** Issue "who may use what": accounts, grants, deputations, designations, contact networks. */
async function seedAccess(
  client: pg.ClientBase,
  m: MunicipalitySeed,
  access: ReturnType<typeof demoAccess>,
  id: (key: string) => string,
  mid: string,
): Promise<void> {
  for (const s of access.systemSecurity) {
    // Only fill what nobody has filled: an administrator's later edit wins.
    await client.query(
      `update system set network_description = coalesce(network_description, $2), vulnerability_notes = coalesce(vulnerability_notes, $3)
        where id = $1 and (network_description is null or vulnerability_notes is null)`,
      [id(s.systemKey), s.networkDescription, s.vulnerabilityNotes],
    );
  }
  await upsertMany(
    client,
    'deputation',
    access.deputations.map((d) => ({
      id: id(d.key),
      municipality_id: mid,
      deputy_staff_id: id(d.deputyKey),
      principal_position_id: id(d.principalPositionKey),
      rulebook_id: d.rulebookId,
      role_keys: d.roleKeys,
      valid_from: d.from,
      valid_to: null,
      rule_ids: d.ruleIds,
      created_at: new Date(),
    })),
    ['id'],
    ['created_at'],
  );
  // KTM-3-6: the absence the deputy acts in, as declared.
  await upsertMany(
    client,
    'absence',
    access.absences.map((x) => ({
      id: id(x.key),
      municipality_id: mid,
      position_id: id(x.positionKey),
      absent_staff_id: id(x.absentStaffKey),
      valid_from: x.from,
      valid_to: x.to,
      reason: x.reason,
      declared_by_id: id(x.declaredByKey),
      on_behalf_of_id: null,
      declared_at: new Date(),
    })),
    ['id'],
    ['declared_at'],
  );
  // Accounts are created once; later state (suspension, end) belongs to their administrators.
  await upsertMany(
    client,
    'account',
    access.accounts.map((a) => ({
      id: id(a.key),
      municipality_id: mid,
      staff_id: id(a.staffKey),
      system_id: id(a.systemKey),
      authority_profile: a.authorityProfile,
      valid_from: a.validFrom,
      valid_to: a.validTo ?? null,
      duty_position_id: a.dutyPositionKey ? id(a.dutyPositionKey) : null,
      suspended_at: a.suspendedAt ?? null,
      suspension_reason: a.suspensionReason ?? null,
      suspension_rule_ids: a.suspensionRuleIds ?? null,
      ended_at: null,
      end_reason: null,
      // Written again on every seeding (not kept): a demo database older than these columns gets its
      // accounts' purposes (KTM-12-1) and operator approvals (ARK-10-1).
      purpose: a.purpose ?? null,
      operator_approved_by_id: a.operatorApprovedByKey ? id(a.operatorApprovedByKey) : null,
      operator_approved_at: a.operatorApprovedAt ?? null,
      rule_ids: a.ruleIds,
      change_seq: 0,
      version: 1,
      created_at: new Date(),
      updated_at: new Date(),
    })),
    ['id'],
    [
      'authority_profile',
      'valid_from',
      'valid_to',
      'duty_position_id',
      'suspended_at',
      'suspension_reason',
      'suspension_rule_ids',
      'ended_at',
      'end_reason',
      'rule_ids',
      'change_seq',
      'version',
      'created_at',
      'updated_at',
    ],
  );
  await upsertMany(
    client,
    'access_grant',
    access.grants.map((g) => ({
      id: id(g.key),
      municipality_id: mid,
      asset_id: id(g.assetKey),
      grantee_id: id(g.granteeKey),
      position_id: g.positionKey ? id(g.positionKey) : null,
      valid_from: g.validFrom,
      valid_to: g.validTo ?? null,
      suspended_at: g.suspendedAt ?? null,
      revoked_at: null,
      fields: g.fields ?? null,
      // Requested a week before it begins: before the owners' approvals (dated its first day) in its history.
      purpose: g.purpose,
      requested_by_id: id(g.requestedByKey),
      created_at: new Date(Date.parse(g.validFrom) - 7 * 86_400_000),
    })),
    ['id'],
    ['valid_from', 'valid_to', 'suspended_at', 'revoked_at', 'fields', 'created_at'],
  );
  await upsertMany(
    client,
    'access_grant_approval',
    access.grants.flatMap((g) =>
      g.approvals.map((a) => ({
        grant_id: id(g.key),
        owner_position_id: id(a.ownerPositionKey),
        municipality_id: mid,
        approved_by_id: id(a.approvedByKey),
        on_behalf_of_id: null,
        approved_at: g.validFrom,
      })),
    ),
    ['grant_id', 'owner_position_id'],
    ['approved_by_id', 'approved_at'],
  );
  await upsertMany(
    client,
    'designation',
    access.designations.map((d) => ({
      id: id(d.key),
      municipality_id: mid,
      asset_id: id(d.assetKey),
      staff_id: id(d.staffKey),
      designated_by_id: id(d.designatedByKey),
      org_unit_id: id(d.orgUnitKey),
      outside_supervision: d.outsideSupervision,
      permitted_by_id: d.permittedByKey ? id(d.permittedByKey) : null,
      permitted_at: d.permittedByKey ? d.validFrom : null,
      valid_from: d.validFrom,
      valid_to: null,
      revoked_at: null,
      rule_ids: d.ruleIds,
      created_at: new Date(),
    })),
    ['id'],
    ['created_at', 'revoked_at'],
  );
  await upsertMany(
    client,
    'contact_network',
    access.contactNetworks.map((n) => ({
      id: id(n.key),
      municipality_id: mid,
      system_id: id(n.systemKey),
      name: n.name,
      rule_ids: n.ruleIds,
      version: 1,
      updated_at: new Date(),
    })),
    ['id'],
    ['version', 'updated_at'],
  );
  await upsertMany(
    client,
    'contact_network_member',
    access.contactNetworks.flatMap((n) =>
      n.members.map((mem, i) => ({
        id: id(`${n.key}#${i}`),
        municipality_id: mid,
        network_id: id(n.key),
        duty: mem.duty,
        staff_id: mem.staffKey ? id(mem.staffKey) : null,
        contractor_person_id: mem.contractorPersonKey ? id(mem.contractorPersonKey) : null,
        can_inform: mem.canInform,
        can_decide: mem.canDecide,
        phone: mem.phone,
        sort_order: i,
      })),
    ),
    ['id'],
  );
  // MNT-18: Minato's 福祉総合システム — licences bought, and what each using section holds.
  if (m.code === 'minato') {
    const system = m.systems.find((x) => x.key === 'mnt.welfare');
    if (system) {
      await client.query(`insert into licence_pool (system_id, municipality_id, purchased_total) values ($1, $2, 200) on conflict do nothing`, [
        id(system.key),
        mid,
      ]);
      await upsertMany(
        client,
        'licence_allocation',
        system.usingOrgUnitKeys.map((u, i) => ({ system_id: id(system.key), org_unit_id: id(u), municipality_id: mid, count: i < 4 ? 15 : 8 })),
        ['system_id', 'org_unit_id'],
        ['count'],
      );
    }
  }
}
