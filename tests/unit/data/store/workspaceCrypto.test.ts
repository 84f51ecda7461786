import { describe, expect, it } from 'vitest';
import {
  PBKDF2_ITERATIONS,
  decryptBytes,
  decryptJson,
  deriveKey,
  encryptBytes,
  encryptJson,
  keyMatches,
  makeVerifier,
  newKeyDerivation,
} from '../../../../src/data/store/workspaceCrypto';

describe('workspace encryption', () => {
  it('derives a key with PBKDF2 at 600,000 iterations and a fresh salt each time', () => {
    const a = newKeyDerivation();
    const b = newKeyDerivation();
    expect(a.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(a.salt).not.toBe(b.salt);
  });

  it('round-trips bytes and JSON, with a new IV for every value', async () => {
    const key = await deriveKey('correct horse', newKeyDerivation());
    const plain = new TextEncoder().encode('customer C000123 spent 139.96');
    const sealedA = await encryptBytes(key, plain);
    const sealedB = await encryptBytes(key, plain);
    expect(sealedA).not.toEqual(sealedB);
    expect(new TextDecoder().decode(sealedA)).not.toContain('C000123');
    expect(await decryptBytes(key, sealedA)).toEqual(plain);
    expect(await decryptJson(key, await encryptJson(key, { a: [1, 'x'] }))).toEqual({ a: [1, 'x'] });
  });

  it('tells a wrong passphrase from the right one, and refuses altered data', async () => {
    const kdf = newKeyDerivation();
    const right = await deriveKey('correct horse', kdf);
    const wrong = await deriveKey('correct hors', kdf);
    const verifier = await makeVerifier(right);
    expect(await keyMatches(right, verifier)).toBe(true);
    expect(await keyMatches(wrong, verifier)).toBe(false);
    const sealed = await encryptBytes(right, new Uint8Array([1, 2, 3]));
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    await expect(decryptBytes(right, sealed)).rejects.toThrow();
  });
});
