// Loads Kitami's demo 行政手続の定義 (@tsukasa/seed, KTM-7) idempotently: a definition that exists (by
// id or by name) is left as it is, so what the 副統括管理者 set through a request wins.
import type pg from 'pg';
import { PROCEDURE_CATEGORIES, parseCondition, parseProcedureRouting, procedureNameKey, type RuleId } from '@tsukasa/domain';
import { KITAMI_DEMO_PROCEDURES, demoReviewedOn, type DemoProcedure, type MunicipalitySeed } from '@tsukasa/seed';

/** Checks the demo definitions with the same rules a request is checked with; a mistake stops the seeding. */
function checked(p: DemoProcedure): DemoProcedure {
  const errors = [
    ...parseCondition(p.conditionRules, [p.key, 'conditionRules']).errors,
    ...parseProcedureRouting({ handlingSection: p.handling ?? p.managing, patterns: p.patterns }, [p.key, 'routing']).errors,
  ];
  if (errors.length) throw new Error(`demo procedure ${p.key}: ${errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`);
  return p;
}

/** Kitami's demo procedure definitions, each with its first history entry; nothing for the others. */
export async function seedProcedures(client: pg.ClientBase, m: MunicipalitySeed, id: (key: string) => string, mid: string): Promise<void> {
  if (!m.rulebookIds.includes('KTM')) return;
  const now = new Date();
  for (const p of KITAMI_DEMO_PROCEDURES.map(checked)) {
    const reviewedOn = demoReviewedOn(p.reviewed, now);
    const unit = (key: string) => (key === '*' ? '*' : id(key));
    const values = {
      name: p.name,
      category: p.category,
      overview: p.overview,
      conditionsText: p.conditionsText,
      conditionRules: p.conditionRules,
      routingText: p.routingText,
      routingPatterns: p.patterns.map((x) => ({ authority: unit(x.authority), action: x.action, to: x.to ? unit(x.to) : null, note: x.note ?? null })),
      handlingOrgUnitId: id(p.handling ?? p.managing),
      managingOrgUnitId: id(p.managing),
      confirmationItems: p.confirmationItems,
      outputForms: p.outputForms,
      other: p.other ?? null,
      displayOrder: p.displayOrder,
    };
    const ruleIds: RuleId[] = [PROCEDURE_CATEGORIES[p.category].ruleId, 'KTM-7-2', 'KTM-7-4'];
    const inserted = await client.query(
      `insert into procedure_definition (id, municipality_id, name, name_key, category, overview, conditions_text, condition_rules, routing_text, routing_patterns,
         handling_org_unit_id, managing_org_unit_id, confirmation_items, output_forms, other, display_order, rule_ids, version, reviewed_on, request_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, null, $19, $19)
       on conflict do nothing`,
      [
        id(p.key),
        mid,
        p.name,
        procedureNameKey(p.name),
        p.category,
        p.overview,
        p.conditionsText,
        JSON.stringify(p.conditionRules),
        p.routingText,
        JSON.stringify(values.routingPatterns),
        values.handlingOrgUnitId,
        values.managingOrgUnitId,
        JSON.stringify(p.confirmationItems),
        JSON.stringify(p.outputForms),
        values.other,
        p.displayOrder,
        ruleIds,
        reviewedOn,
        now,
      ],
    );
    if (inserted.rowCount === 0) continue;
    await client.query(
      `insert into procedure_definition_history (id, municipality_id, definition_id, version, change, snapshot, request_id, changed_by_id, changed_at, note, rule_ids)
       values ($1, $2, $3, 1, 'defined', $4, null, null, $5, $6, $7) on conflict do nothing`,
      [id(`${p.key}#history#1`), mid, id(p.key), JSON.stringify(values), `${reviewedOn}T09:00:00+09:00`, 'デモデータとして設定', ruleIds],
    );
  }
}
