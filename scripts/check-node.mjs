// Fail fast on an unsupported Node: MikroORM 7 and vitest 5 need Node >= 22.17; we run on 24 LTS.
const [major] = process.versions.node.split('.').map(Number);
if (major !== 24) {
  console.error(
    `Tsukasa needs Node.js 24 LTS (found ${process.versions.node}). ` +
      'Install it (see .nvmrc), e.g. `npm install --prefix .tools/node node@24` and put .tools/node/node_modules/.bin first on PATH.',
  );
  process.exit(1);
}
