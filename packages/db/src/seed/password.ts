import argon2 from 'argon2';

// argon2id with OWASP's minimum parameters (19 MiB, 2 passes): ~20 ms a hash on the target machine.
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, options);
}

// Verified against when the username is unknown, so both paths take the same time.
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, plain: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword('decoy-password-for-timing');
    await argon2.verify(await decoy, plain).catch(() => false);
    return false;
  }
  return argon2.verify(hash, plain).catch(() => false);
}
