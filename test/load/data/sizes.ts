// Sizes of the benchmark dataset, from the environment. The defaults are the "large city"
// (≥ 1,000 systems, ≥ 50,000 staff, ≥ 200,000 requests, 10 million audit events) and the 1,741
// municipalities of Japan as small ones; `quickSizes` is what `npm run bench` loads unless
// BENCH_LARGE=1.

export interface BenchSizes {
  /** BENCH_SEED: the same seed gives the same rows. */
  seed: string;
  /** BENCH_CITY_SYSTEMS */
  citySystems: number;
  /** BENCH_CITY_STAFF (each with a current position; some with an earlier one too) */
  cityStaff: number;
  /** BENCH_CITY_ACCOUNTS_PER_STAFF: accounts on distinct systems per staff member */
  accountsPerStaff: number;
  /** BENCH_CITY_REQUESTS (three route steps each) */
  cityRequests: number;
  /** BENCH_AUDIT_EVENTS: the large city's hash-chained audit log */
  auditEvents: number;
  /** BENCH_MUNICIPALITIES: small municipalities, a few systems, staff and requests each */
  municipalities: number;
}

export const fullSizes: BenchSizes = {
  seed: '1',
  citySystems: 1_000,
  cityStaff: 50_000,
  accountsPerStaff: 3,
  cityRequests: 200_000,
  auditEvents: 10_000_000,
  municipalities: 1_741,
};

/** `npm run bench` without BENCH_LARGE: everything at full size but the audit log. */
export const quickSizes: BenchSizes = { ...fullSizes, auditEvents: 200_000 };

const count = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name]?.trim().replace(/[_,]/g, '');
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got ${env[name]})`);
  return n;
};

export function readSizes(env: NodeJS.ProcessEnv, base: BenchSizes = fullSizes): BenchSizes {
  const sizes: BenchSizes = {
    seed: env.BENCH_SEED?.trim() || base.seed,
    citySystems: count(env, 'BENCH_CITY_SYSTEMS', base.citySystems),
    cityStaff: count(env, 'BENCH_CITY_STAFF', base.cityStaff),
    accountsPerStaff: count(env, 'BENCH_CITY_ACCOUNTS_PER_STAFF', base.accountsPerStaff),
    cityRequests: count(env, 'BENCH_CITY_REQUESTS', base.cityRequests),
    auditEvents: count(env, 'BENCH_AUDIT_EVENTS', base.auditEvents),
    municipalities: count(env, 'BENCH_MUNICIPALITIES', base.municipalities),
  };
  if (sizes.citySystems < 10) throw new Error('BENCH_CITY_SYSTEMS must be at least 10');
  if (sizes.cityStaff < 100) throw new Error('BENCH_CITY_STAFF must be at least 100');
  sizes.accountsPerStaff = Math.min(sizes.accountsPerStaff, sizes.citySystems);
  return sizes;
}

export const describeSizes = (s: BenchSizes): string =>
  `large city: ${s.citySystems.toLocaleString('en')} systems, ${s.cityStaff.toLocaleString('en')} staff, ` +
  `${s.cityRequests.toLocaleString('en')} requests, ${s.auditEvents.toLocaleString('en')} audit events; ` +
  `${s.municipalities.toLocaleString('en')} small municipalities; seed ${s.seed}`;
