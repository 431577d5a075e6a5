import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('6f1c2f0e8a0d4c4e9a35c1b1d2e3f405', 'hex');

/** RFC 4122 version-5 UUID of a name: seed keys map to the same id on every run (idempotent seeding). */
export function uuidFromKey(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
