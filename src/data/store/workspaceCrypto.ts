// Encryption at rest for passphrase workspaces: AES-GCM-256 through WebCrypto, with the key derived
// from the passphrase by PBKDF2-SHA-256 (600,000 iterations, random salt) and a random IV per value.
// The key is non-extractable and lives only in memory.

export const PBKDF2_ITERATIONS = 600_000;
const IV_BYTES = 12;
const VERIFIER_TEXT = 'lantern-workspace-key-check';

export interface KeyDerivation {
  /** Base64 salt, 16 random bytes. */
  salt: string;
  iterations: number;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** New key-derivation parameters with a fresh random salt. */
export function newKeyDerivation(): KeyDerivation {
  return { salt: toBase64(crypto.getRandomValues(new Uint8Array(16))), iterations: PBKDF2_ITERATIONS };
}

/** Derives the workspace key from a passphrase. */
export async function deriveKey(passphrase: string, kdf: KeyDerivation): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(kdf.salt), iterations: kdf.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** IV followed by the AES-GCM ciphertext (with its authentication tag). */
export async function encryptBytes(key: CryptoKey, plain: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain as BufferSource));
  const out = new Uint8Array(IV_BYTES + cipher.length);
  out.set(iv);
  out.set(cipher, IV_BYTES);
  return out;
}

/** Decrypts what `encryptBytes` made; throws when the key is wrong or the data was altered. */
export async function decryptBytes(key: CryptoKey, sealed: Uint8Array): Promise<Uint8Array> {
  const iv = sealed.subarray(0, IV_BYTES);
  return new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource },
      key,
      sealed.subarray(IV_BYTES) as BufferSource,
    ),
  );
}

/** Encrypts a JSON value. */
export async function encryptJson(key: CryptoKey, value: unknown): Promise<Uint8Array> {
  return encryptBytes(key, new TextEncoder().encode(JSON.stringify(value)));
}

/** Decrypts a JSON value. */
export async function decryptJson<T>(key: CryptoKey, sealed: Uint8Array): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await decryptBytes(key, sealed))) as T;
}

/** A small sealed value that proves a key right or wrong without touching the workspace's data. */
export function makeVerifier(key: CryptoKey): Promise<Uint8Array> {
  return encryptBytes(key, new TextEncoder().encode(VERIFIER_TEXT));
}

/** Whether `key` opens `verifier`. */
export async function keyMatches(key: CryptoKey, verifier: Uint8Array): Promise<boolean> {
  try {
    return new TextDecoder().decode(await decryptBytes(key, verifier)) === VERIFIER_TEXT;
  } catch {
    return false;
  }
}
