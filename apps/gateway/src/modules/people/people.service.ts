// What the people module decides beyond single fields: which contact networks a viewer may see.
import type { Context } from '../../graphql/context.ts';
import { decideProtected } from '../../graphql/field-access.ts';
import type { ContactNetwork } from './people.types.ts';

/** A contact network is protected as a whole: it lists people's phones (emergency_contacts). */
const networkProtection = {
  asset: { kind: 'emergency_contacts' as const },
  subject: (n: ContactNetwork) => ({ systemManagingOrgUnitId: n.managingOrgUnitId, systemRulebookId: n.rulebookId }),
  target: (n: ContactNetwork) => ({ type: 'contact_network', id: n.id }),
};

/** Filters a list to the networks the viewer may see: the count and order reveal nothing more. */
export async function visibleNetworks(ctx: Context, networks: ContactNetwork[]): Promise<ContactNetwork[]> {
  if (ctx.fieldAuthorization !== 'enforce') return networks;
  const decisions = await Promise.all(networks.map((n) => decideProtected(networkProtection, n, 'contactNetworks', ctx)));
  return networks.filter((_, i) => decisions[i]!.allowed);
}
