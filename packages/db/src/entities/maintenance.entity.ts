import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { Staff } from './organization.entity.ts';
import { System } from './registry.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

// Maintenance windows (SPEC §6) of a system: stops and temporary extensions of its operating hours,
// announced to the using sections (MNT-15-2, KTM-15-2).

export const MaintenanceWindow = defineEntity({
  name: 'MaintenanceWindow',
  tableName: 'maintenance_window',
  indexes: [
    { name: 'maintenance_window_system', properties: ['systemId', 'startsAt'] },
    // The access decision and systemsUnderMaintenance look only at windows in force.
    { name: 'maintenance_window_in_force', properties: ['endsAt'], where: 'announced_at is not null and cancelled_at is null' },
  ],
  checks: [{ name: 'maintenance_window_check', expression: 'ends_at > starts_at' }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('maintenance_window_municipality_id_fkey'),
    systemId: p.uuid(),
    system: () => sameMunicipality(System, 'system_id', 'maintenance_window_system_id_fkey'),
    /** closed: the system is stopped (保守点検作業等); open: the operating hours are extended. */
    kind: p.enum(['closed', 'open']).columnType('varchar(8)'),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    reason: p.string().length(200),
    reasonEn: p.string().length(200).nullable(),
    plannedById: p.uuid(),
    plannedBy: () => sameMunicipality(Staff, 'planned_by_id', 'maintenance_window_planned_by_id_fkey'),
    plannedOnBehalfOfId: p.uuid().nullable(),
    plannedOnBehalfOf: () => sameMunicipality(Staff, 'planned_on_behalf_of_id', 'maintenance_window_planned_on_behalf_of_id_fkey').nullable(),
    plannedAt: p.datetime(),
    announcedAt: p.datetime().nullable(),
    announcedById: p.uuid().nullable(),
    announcedBy: () => sameMunicipality(Staff, 'announced_by_id', 'maintenance_window_announced_by_id_fkey').nullable(),
    cancelledAt: p.datetime().nullable(),
    cancelledById: p.uuid().nullable(),
    cancelledBy: () => sameMunicipality(Staff, 'cancelled_by_id', 'maintenance_window_cancelled_by_id_fkey').nullable(),
    cancelReason: p.string().length(500).nullable(),
    ruleIds: p.array().$type<RuleId[]>().defaultRaw(`'{}'`),
    version: p.integer().version().default(1),
  },
});
