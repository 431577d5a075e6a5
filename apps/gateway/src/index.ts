export { createGateway, type GatewayOptions } from './app.ts';
export { buildGatewaySchema, printGatewaySchema } from './graphql/schema.ts';
export { ruledOperations } from './graphql/rules.ts';
export { jsonLogger } from './http/logger.ts';
