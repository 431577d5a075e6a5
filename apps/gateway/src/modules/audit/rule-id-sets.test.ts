// Lists of rule IDs are sets wherever they are written: in the audit chain, and in every answer of
// the API (an older event that recorded a rule twice is answered with each rule once).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditRepo } from '@tsukasa/db';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

/** A day some weeks ahead in Japan, as YYYY-MM-DD. */
const daysAhead = (days: number) => new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

const EVENTS = `query($f: AuditFilter) { auditEvents(filter: $f, first: 10) { nodes { seq action targetId ruleIds } } }`;
type Events = { auditEvents: { nodes: { seq: string; action: string; targetId: string | null; ruleIds: string[] }[] } };

async function createMeeting(token: string, committeeKey: string, place: string): Promise<string> {
  const committees = await gw.gql<{ committees: { id: string; key: string }[] }>('{ committees { id key } }', {}, { token });
  const committeeId = committees.data!.committees.find((c) => c.key === committeeKey)!.id;
  const created = await gw.gql<{ createMeeting: { id: string } }>(
    'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
    { i: { committeeId, heldOn: daysAhead(40), startTime: '10:00', endTime: '11:00', place } },
    { token },
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  return created.data!.createMeeting.id;
}

describe('rule IDs are sets', () => {
  it.each([
    ['arakawa', 'admin', 'ark.committee.steering', 'ARK-19-1'],
    ['minato', 'chief', 'mnt.committee.monthly-report', 'MNT-9-2'],
  ])('a new meeting of %s is recorded citing each rule once (%s, %s)', async (municipality, username, committeeKey, rule) => {
    const token = await gw.signIn(municipality, username);
    const id = await createMeeting(token, committeeKey, '本庁舎 会議室');
    const stored = await gw.admin.query<{ rule_ids: string[] }>(`select rule_ids from audit_event where action = 'meeting.create' and target_id = $1`, [id]);
    expect(stored.rows).toHaveLength(1);
    const ruleIds = stored.rows[0]!.rule_ids;
    expect(ruleIds).toContain(rule);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);

    const admin = username === 'admin' ? token : await gw.signIn(municipality, 'admin');
    const answered = await gw.gql<Events>(EVENTS, { f: { action: 'meeting.create', targetId: id } }, { token: admin });
    expect(answered.errors, JSON.stringify(answered.errors)).toBeUndefined();
    expect(answered.data!.auditEvents.nodes.map((n) => n.ruleIds)).toEqual([ruleIds]);
  });

  it('the API answers an event that recorded a rule twice with each rule once, in the order first cited', async () => {
    const municipality = (await gw.admin.query<{ id: string }>(`select id from municipality where code = 'arakawa'`)).rows[0]!.id;
    // Appended as an earlier version of the product did, with the rule IDs as given.
    const targetId = randomUUID();
    const fields: auditRepo.DigestFields = {
      municipalityId: municipality,
      occurredAt: new Date().toISOString(),
      actorStaffId: null,
      actorTokenId: null,
      onBehalfOfStaffId: null,
      action: 'meeting.create',
      targetType: 'meeting',
      targetId,
      targetIds: null,
      fields: null,
      before: null,
      after: null,
      ruleIds: ['ARK-19-1', 'ARK-15-1', 'ARK-17-1', 'ARK-19-1', 'ARK-19-3'],
      requestId: null,
    };
    await gw.admin.query('select append_audit_events($1, $2::jsonb)', [municipality, JSON.stringify([{ ...fields, digest: auditRepo.eventDigest(fields) }])]);

    const token = await gw.signIn('arakawa', 'admin');
    const answered = await gw.gql<Events>(EVENTS, { f: { targetId } }, { token });
    expect(answered.errors, JSON.stringify(answered.errors)).toBeUndefined();
    expect(answered.data!.auditEvents.nodes[0]!.ruleIds).toEqual(['ARK-19-1', 'ARK-15-1', 'ARK-17-1', 'ARK-19-3']);
    const csv = await gw.gql<{ auditEventsCsv: string }>('query($f: AuditFilter) { auditEventsCsv(filter: $f) }', { f: { targetId } }, { token });
    expect(csv.data!.auditEventsCsv).toContain('ARK-19-1 ARK-15-1 ARK-17-1 ARK-19-3');
  });
});
