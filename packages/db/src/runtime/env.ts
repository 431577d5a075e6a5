// The database settings of the product: read here, validated, nowhere else in packages/db.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface DatabaseEnv {
  /** External PostgreSQL (≥ 15) instead of the embedded one. */
  databaseUrl: string | undefined;
  /**
   * A streaming replica of DATABASE_URL (same roles, schema and policies: a physical copy). The
   * gateway sends API tokens' queries there while it is fresh (apps/gateway graphql/read-replica.ts).
   */
  databaseReadUrl: string | undefined;
  /**
   * The password of the application's login (`tsukasa_app`) on DATABASE_URL. Tsukasa creates the
   * login and sets it at every start; the embedded PostgreSQL needs none (it derives its own).
   */
  databaseAppPassword: string | undefined;
  /** Where the embedded PostgreSQL keeps its data between runs. */
  dataDir: string;
}

/** Shortest application login password accepted. */
export const MIN_APP_PASSWORD_LENGTH = 16;

export function readDatabaseEnv(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): DatabaseEnv {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const databaseReadUrl = env.DATABASE_READ_URL?.trim() || undefined;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) {
    throw new Error('DATABASE_READ_URL must be a postgres:// or postgresql:// URL');
  }
  // The embedded PostgreSQL has no replica: a read URL beside it would point at something else.
  if (databaseReadUrl && !databaseUrl) throw new Error('DATABASE_READ_URL needs DATABASE_URL (a replica of that database)');
  const databaseAppPassword = env.DATABASE_APP_PASSWORD || undefined;
  if (databaseAppPassword !== undefined && databaseAppPassword.length < MIN_APP_PASSWORD_LENGTH) {
    throw new Error(`DATABASE_APP_PASSWORD must be at least ${MIN_APP_PASSWORD_LENGTH} characters`);
  }
  const dataDir = env.TSUKASA_DATA_DIR?.trim() ? resolve(env.TSUKASA_DATA_DIR.trim()) : resolve(root, '.data');
  return { databaseUrl, databaseReadUrl, databaseAppPassword, dataDir };
}

/**
 * The directory of the product — the checkout, or /app in the container: the nearest directory
 * above `from` whose package.json declares the workspaces. Found the same way from the sources and
 * from the production build (apps/gateway/dist), so `.data` and the admin app's build are where
 * they belong whichever runs; the working directory when there is none.
 */
export function productRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
