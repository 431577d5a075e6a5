import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

// Every tenant-owned table carries municipality_id; row-level security in the database
// (migrations/…-security.ts) restricts the application role to the session's municipality.

export const Municipality = defineEntity({
  name: 'Municipality',
  tableName: 'municipality',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    code: p.string().length(32).unique(),
    name: p.string().length(100),
    nameEn: p.string().length(100),
    prefecture: p.string().length(20),
    timeZone: p.string().length(40).default('Asia/Tokyo'),
    classificationScale: p.string().length(20),
    rulebookIds: p.array().$type<string[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** Deployment facts the database itself carries, e.g. environment = production (seeding refuses there). */
export const DeploymentSetting = defineEntity({
  name: 'DeploymentSetting',
  tableName: 'deployment_setting',
  properties: {
    key: p.string().length(64).primary(),
    value: p.string().length(200),
  },
});
