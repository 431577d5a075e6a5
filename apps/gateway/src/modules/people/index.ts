// What other modules use of the people module: staff and contact networks, and who may see which network.
export { ContactNetwork, Staff } from './people.types.ts';
export { toStaff } from './people.mappers.ts';
export { visibleNetworks } from './people.service.ts';
