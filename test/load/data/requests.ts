// Requests and their route steps, streamed: the large city's (replayed for the steps) and four per
// small municipality.
import type { City } from './city.ts';
import { RULES, T0, T1, day } from './constants.ts';
import type { Row } from './copy.ts';
import type { Prng } from './prng.ts';
import type { BenchSizes } from './sizes.ts';
import type { Small } from './small.ts';

const STEP_LABELS = [
  ['section_chief', '課長の承認', 'Approval of the section chief'],
  ['digital_chief', 'デジタル推進課長の承認', 'Approval of the digital promotion section chief'],
  ['cio', '情報統括責任者の決定', 'Decision of the chief information officer'],
] as const;

interface RequestDraft {
  row: Row;
  id: string;
  kind: string;
  status: string;
  requester: number;
  filed: number;
}

/** The i-th request of the large city (of `total`), drawn from `rnd`: replaying the stream gives the same requests. */
function cityRequest(city: City, rnd: Prng, i: number, total: number): RequestDraft {
  const k = rnd.float();
  const kind = k < 0.6 ? 'system_modification' : k < 0.85 ? 'data_use_consultation' : 'new_system_introduction';
  const status = i % 10 === 0 ? 'in_progress' : i % 3 === 0 ? 'rejected' : 'approved';
  const filed = T0 + Math.floor(((T1 - T0) * i) / (total + 1));
  const requester = rnd.int(city.staff.length);
  const id = rnd.uuid();
  const row: Row = [
    id,
    city.id,
    `G-${String(i).padStart(7, '0')}`,
    kind,
    'ARK',
    kind === 'new_system_introduction' ? null : city.systems[rnd.int(city.systems.length)]!,
    city.staff[requester]!,
    status,
    kind === 'new_system_introduction' ? { systemName: `申請システム${i}`, targetFiscalYear: 2027 } : {},
    '[]',
    kind === 'system_modification' ? RULES.modification : kind === 'data_use_consultation' ? RULES.consultation : RULES.introduction,
    1,
    new Date(filed),
    status === 'in_progress' ? null : new Date(filed + 3 * day),
    1,
    new Date(filed + (status === 'in_progress' ? 0 : 3 * day)),
  ];
  return { row, id, kind, status, requester, filed };
}

export function* cityRequests(city: City, sizes: BenchSizes, seed: Prng): Generator<Row> {
  const rnd = seed.fork('requests');
  for (let i = 1; i <= sizes.cityRequests; i++) yield cityRequest(city, rnd, i, sizes.cityRequests).row;
}

/** Three steps per request, from a replay of the request stream. */
export function* cityRequestSteps(city: City, sizes: BenchSizes, seed: Prng): Generator<Row> {
  const rnd = seed.fork('requests');
  const steps = seed.fork('steps');
  for (let i = 1; i <= sizes.cityRequests; i++) {
    const r = cityRequest(city, rnd, i, sizes.cityRequests);
    for (let seq = 1; seq <= 3; seq++) {
      const [key, ja, en] = STEP_LABELS[seq - 1]!;
      const stepStatus = r.status === 'in_progress' ? (seq === 1 ? 'open' : 'waiting') : 'done';
      // The first step waits on the head of the requester's section (a department head's on the
      // approver, the digital section head, as does one in fifty), the second on the approver.
      const actor =
        seq === 2 || (seq === 1 && i % 50 === 0)
          ? city.approverPositionId
          : seq === 1
            ? (city.headOfSection.get(city.staffSection[r.requester]!) ?? city.approverPositionId)
            : steps.pick(city.sectionHeadPositions);
      const decided = stepStatus === 'done' ? new Date(r.filed + seq * day) : null;
      const decision = stepStatus !== 'done' ? null : r.status === 'rejected' && seq === 3 ? 'rejected' : 'approved';
      yield [
        steps.uuid(),
        city.id,
        r.id,
        1,
        seq,
        seq,
        key,
        'approve',
        { kind: 'role' },
        ja,
        en,
        r.kind === 'data_use_consultation' ? RULES.consultation : RULES.modification,
        stepStatus,
        [actor],
        decision,
        decided ? city.staff[steps.int(city.staff.length)]! : null,
        decided,
        stepStatus === 'waiting' ? null : new Date(r.filed + (seq - 1) * day),
      ];
    }
  }
}

/** Four requests per small municipality (the last in progress, awaiting the head of 総務課); steps collected into `steps`. */
export function* smallRequests(smalls: Small[], seed: Prng, steps: Row[]): Generator<Row> {
  const rnd = seed.fork('small-requests');
  for (const m of smalls) {
    for (let i = 1; i <= 4; i++) {
      const id = rnd.uuid();
      const filed = T0 + rnd.int(T1 - T0 - 10 * day);
      const open = i === 4;
      const ruleIds = RULES.smallModification[m.rulebook]!;
      yield [
        id,
        m.id,
        `G-${String(i).padStart(7, '0')}`,
        'system_modification',
        m.rulebook,
        m.systems[i % 3]!,
        m.staff[4 + (i % 3)]!,
        open ? 'in_progress' : 'approved',
        {},
        '[]',
        ruleIds,
        1,
        new Date(filed),
        open ? null : new Date(filed + day),
        1,
        new Date(filed),
      ];
      for (let seq = 1; seq <= 2; seq++) {
        const status = open ? (seq === 1 ? 'open' : 'waiting') : 'done';
        const [key, ja, en] = STEP_LABELS[seq - 1]!;
        steps.push([
          rnd.uuid(),
          m.id,
          id,
          1,
          seq,
          seq,
          key,
          'approve',
          { kind: 'role' },
          ja,
          en,
          ruleIds,
          status,
          [m.chief],
          status === 'done' ? 'approved' : null,
          status === 'done' ? m.staff[1]! : null,
          status === 'done' ? new Date(filed + seq * day) : null,
          status === 'waiting' ? null : new Date(filed + (seq - 1) * day),
        ]);
      }
    }
  }
}
