// The benchmark's peer: PostGraphile 5 (Amber preset) serving the same database as the gateway,
// in this process, on its own loopback port. It connects as the owner role, so row-level security
// does not apply to it unless a request carries `x-municipality-id`: then PostGraphile runs the
// request in a transaction as tsukasa_app with app.municipality_id set (the RLS variant; the
// tenant comes from a trusted header, as a verified JWT claim would, without a session lookup).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import pg from 'pg';
import { APP_ROLE, OWNER_ROLE, SCHEMA } from '@tsukasa/db';

export interface Peer {
  url: string;
  /** Counts SQL statements the peer sends while `fn` runs. */
  countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }>;
  gql<T = Record<string, unknown>>(query: string, headers?: Record<string, string>): Promise<{ data?: T; errors?: { message: string }[] }>;
  stop(): Promise<void>;
}

export async function startPeer(superuserDbUrl: string): Promise<Peer> {
  // Production mode, as the gateway runs; set before Grafast is loaded, which reads it once.
  process.env.GRAPHILE_ENV ??= 'production';
  const [{ postgraphile }, { makePgService }, { grafserv }, { PostGraphileAmberPreset }] = await Promise.all([
    import('postgraphile'),
    import('postgraphile/adaptors/pg'),
    import('postgraphile/grafserv/node'),
    import('postgraphile/presets/amber'),
  ]);
  let counted: number | null = null;
  const pool = new pg.Pool({ connectionString: superuserDbUrl, max: 20, options: `-c role=${OWNER_ROLE} -c search_path=${SCHEMA}` });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (counted !== null) counted++;
      return query(...args);
    };
  });
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({
        pool,
        schemas: [SCHEMA],
        pgSettings(requestContext) {
          const req = (requestContext as { node?: { req?: IncomingMessage } }).node?.req;
          const municipality = req?.headers['x-municipality-id'];
          return typeof municipality === 'string' ? { role: APP_ROLE, 'app.municipality_id': municipality } : {};
        },
      }),
    ],
    // Every foreign key is (x_id, municipality_id) (migration …170000-citus-keys) and is served by
    // the index on x_id; PostGraphile would hide a backward relation whose exact columns lead no
    // index. The peer answers the same questions over the same indexes, so it shows them all.
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    grafserv: { graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server: Server = createServer();
  serv.addTo(server);
  await serv.ready();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const gql: Peer['gql'] = async (query, headers = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as never;
  };
  return {
    url,
    gql,
    async countStatements(fn) {
      counted = 0;
      try {
        const result = await fn();
        return { result, statements: counted };
      } finally {
        counted = null;
      }
    },
    async stop() {
      const closed = new Promise((ok) => server.close(ok));
      server.closeAllConnections();
      await closed;
      await pgl.release(); // releases the server adaptor too
      await pool.end();
    },
  };
}
