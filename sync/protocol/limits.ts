/**
 * What a record and a push may weigh, in UTF-8 bytes of their JSON: what the wire carries. (A count of UTF-16
 * characters undercounts Chinese threefold: 2,000 characters of text are 6,000 bytes.)
 *
 *   PUSH_BODY_LIMIT_BYTES  every server takes push bodies up to this (its default body limit; 413 above)
 *   PUSH_BATCH_BYTES       what the engine puts into one push: half the limit, room for a proxy's tighter cap
 *   MAX_RECORD_BYTES       what one record may weigh; the kiosk refuses a heavier one where it is written, so
 *                          every record in an outbox can be pushed, if need be alone
 *
 * limits.test.ts holds them in that order: a record of the cap in a push of its own is far below the body
 * limit, and every kind of record, each field filled to its schema's limit with the heaviest characters JSON
 * allows, is below the cap. The schemas bound every field but a timestamp's fraction of a second, which the
 * kiosk writes itself: the cap is the bound that holds whatever a field carries.
 */
export const PUSH_BODY_LIMIT_BYTES = 1024 * 1024;
export const PUSH_BATCH_BYTES = 512 * 1024;
export const MAX_RECORD_BYTES = 32 * 1024;

/** The UTF-8 length of a string, as TextEncoder would encode it (a lone surrogate becomes U+FFFD), without encoding it. */
export const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
};

/** What a value weighs on the wire: its JSON, in UTF-8. */
export const jsonBytes = (value: unknown): number => utf8Length(JSON.stringify(value) ?? '');
