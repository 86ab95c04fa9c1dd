/** The most of a dead letter's raw entry that is kept, in UTF-8 bytes of its JSON: more than any valid record. */
export const MAX_DEAD_LETTER_PAYLOAD_BYTES = 16 * 1024;

export interface TruncatedPayload {
  truncated: true;
  /** The size of the whole entry's JSON, in UTF-8 bytes. */
  bytes: number;
  /** Its JSON text up to the cap, cut at a character boundary (not parseable on its own). */
  start: string;
}

/**
 * What is kept of an entry the server could not accept: the entry as it came when it is small, else the start
 * of its JSON, marked as cut. A push of junk must not store a megabyte per entry until the retention purge.
 */
export const boundedPayload = (raw: unknown, maxBytes = MAX_DEAD_LETTER_PAYLOAD_BYTES): unknown => {
  const text = JSON.stringify(raw) ?? 'null';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return raw;
  const utf8 = Buffer.from(text, 'utf8');
  let end = maxBytes;
  // Never cut inside a character: step back over UTF-8 continuation bytes (10xxxxxx).
  while (end > 0 && (utf8[end]! & 0xc0) === 0x80) end -= 1;
  return { truncated: true, bytes, start: utf8.subarray(0, end).toString('utf8') } satisfies TruncatedPayload;
};
