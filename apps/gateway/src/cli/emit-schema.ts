// Writes the schema the gateway serves to apps/gateway/schema.graphql (committed; a test fails on drift).
import { writeFile } from 'node:fs/promises';
import { printGatewaySchema } from '../graphql/schema.ts';

const target = new URL('../../schema.graphql', import.meta.url);
await writeFile(target, await printGatewaySchema());
console.log(`schema written to ${target.pathname}`);
