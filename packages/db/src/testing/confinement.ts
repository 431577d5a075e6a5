import pg from 'pg';
import { SCHEMA } from '../orm.ts';

/**
 * What a login can reach outside row-level security, probed as an attacker who runs SQL on it would:
 * become another role, another session user, or read a tenant table without a tenant. Every answer
 * must be "no" for the application's login (tests of the embedded and the DATABASE_URL case).
 */
export async function probeConfinement(url: string): Promise<{
  currentUser: string;
  superuser: boolean;
  setRole: Record<string, string>;
  sessionAuthorization: string;
  systemsWithoutTenant: number;
}> {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA}` });
  await c.connect();
  const attempt = async (sql: string): Promise<string> => {
    try {
      await c.query(sql);
      const who = await c.query<{ u: string }>('select current_user::text as u');
      return `allowed (now ${who.rows[0]!.u})`;
    } catch (e) {
      return `refused (${(e as { code?: string }).code})`;
    }
  };
  try {
    const me = (await c.query<{ u: string; s: boolean }>('select current_user::text as u, rolsuper as s from pg_roles where rolname = current_user')).rows[0]!;
    const setRole: Record<string, string> = {};
    for (const role of ['postgres', 'tsukasa_owner', 'pg_read_all_data', 'pg_write_server_files']) setRole[role] = await attempt(`set role ${role}`);
    const sessionAuthorization = await attempt('set session authorization postgres');
    await c.query('reset role');
    const systems = (await c.query<{ n: number }>('select count(*)::int as n from system')).rows[0]!.n;
    return { currentUser: me.u, superuser: me.s, setRole, sessionAuthorization, systemsWithoutTenant: systems };
  } finally {
    await c.end();
  }
}

export const CONFINED = {
  currentUser: 'tsukasa_app',
  superuser: false,
  setRole: {
    postgres: 'refused (42501)',
    tsukasa_owner: 'refused (42501)',
    pg_read_all_data: 'refused (42501)',
    pg_write_server_files: 'refused (42501)',
  },
  sessionAuthorization: 'refused (42501)',
  systemsWithoutTenant: 0,
};
