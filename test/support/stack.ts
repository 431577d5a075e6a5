// The whole product for browser and black-box tests: a throw-away embedded PostgreSQL with the
// demo data of the four municipalities, the gateway on a free port serving /graphql and the
// built admin app at /. Returns its URL and a stop function.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { startTestCluster } from '@tsukasa/db/testing';
import { startTestGateway } from '@tsukasa/gateway/testing';

export const adminBuildDir = fileURLToPath(new URL('../../apps/admin/build', import.meta.url));

export async function startStack(opts: { requireAdmin?: boolean } = {}) {
  if (opts.requireAdmin && !existsSync(`${adminBuildDir}/200.html`)) {
    throw new Error('The admin app is not built: run `npm run build -w @tsukasa/admin` (npm test does it).');
  }
  const cluster = await startTestCluster();
  const gateway = await startTestGateway(cluster.adminUrl, { adminBuildDir });
  return {
    url: gateway.url,
    gateway,
    /** Superuser URL of the cluster, to start more gateways on copies of the same data. */
    clusterUrl: cluster.adminUrl,
    async stop() {
      await gateway.stop();
      await cluster.stop();
    },
  };
}
