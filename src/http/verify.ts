/**
 * Discord signs every request to an Interactions Endpoint URL with the application's Ed25519
 * key: `X-Signature-Ed25519` is the signature, hex, of `X-Signature-Timestamp` followed by the
 * raw body. Checked with node:crypto before anything else reads the request.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER prefix of an Ed25519 public key in SubjectPublicKeyInfo form; the 32 key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A request signed longer ago (or further ahead) than this is refused: it may be a replay. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

/** The application's public key (64 hex characters, as the Developer Portal shows it). */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (64 hex characters)');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

/** Why a request is refused, or `ok`. */
export type Verdict = 'ok' | 'missing' | 'stale' | 'forged';

const HEX_SIGNATURE = /^[0-9a-fA-F]{128}$/;
const SECONDS = /^\d{1,12}$/;

/**
 * Checks a request's signature: present, fresh (within `MAX_SIGNATURE_AGE_SECONDS` of `now`),
 * and made by `key` over the timestamp and the body exactly as received.
 */
export function verifyRequest(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  now: number = Date.now(),
): Verdict {
  if (!signature || !timestamp) return 'missing';
  if (!HEX_SIGNATURE.test(signature) || !SECONDS.test(timestamp)) return 'forged';
  if (Math.abs(now / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return 'stale';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  return verify(null, signed, key, Buffer.from(signature, 'hex')) ? 'ok' : 'forged';
}
