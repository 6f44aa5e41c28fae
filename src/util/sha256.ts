import { createHash } from 'node:crypto';

/** The hex sha256 of some bytes: what the caches record to check an entry before reuse. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
