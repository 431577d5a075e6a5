// A request row of packages/db as its GraphQL type.
import { graphqlObject } from '../../graphql/object.ts';
import { requestRepo, toDate, toDateOrNull } from '@tsukasa/db';
import { findRequestKind, ruleIdsWithin } from '@tsukasa/domain';
import { Request } from './request.types.ts';

export function toRequest(r: requestRepo.RequestRow): Request {
  const kind = findRequestKind(r.kind_key);
  return graphqlObject(Request, {
    id: r.id,
    number: r.number,
    kindKey: r.kind_key,
    kindName: kind?.name ?? { ja: r.kind_key, en: r.kind_key },
    rulebookId: r.rulebook_id,
    status: r.status,
    content: r.content,
    notes: r.route_notes,
    ruleIds: ruleIdsWithin(r.rule_ids, [r.rulebook_id]),
    dueOn: r.due_on,
    round: r.round,
    filedAt: toDate(r.filed_at),
    decidedAt: toDateOrNull(r.decided_at),
    version: r.version,
    systemId: r.system_id,
    requesterId: r.requester_id,
    onBehalfOfId: r.on_behalf_of_id,
  });
}
