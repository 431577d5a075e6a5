// The database settings of the product: read here, validated, nowhere else in packages/db.
import { resolve } from 'node:path';

export interface DatabaseEnv {
  /** External PostgreSQL (≥ 15) instead of the embedded one. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data between runs. */
  dataDir: string;
}

export function readDatabaseEnv(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): DatabaseEnv {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const dataDir = env.TSUKASA_DATA_DIR?.trim() ? resolve(env.TSUKASA_DATA_DIR.trim()) : resolve(root, '.data');
  return { databaseUrl, dataDir };
}
