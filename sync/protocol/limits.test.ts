import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { jsonBytes, MAX_RECORD_BYTES, PUSH_BATCH_BYTES, PUSH_BODY_LIMIT_BYTES, utf8Length } from './limits.ts';
import { kioskRecordSchema } from './records.ts';
import { MAX_PUSH_ENTRIES } from './wire.ts';

/**
 * Strings whose pattern allows only ASCII that JSON writes as it is (digits, letters, dashes, path data): one
 * byte a character, at most the length given (or the schema's max). Timestamps are as the tablet's clock writes
 * them (toISOString); a longer fraction of a second is what the cap itself catches (commit.test.ts). A string
 * with no bound here and no max fails the bound below until it gets one.
 */
const ASCII_FIELDS: Record<string, number | 'max'> = {
  id: 36, // a UUID
  requestId: 36,
  referralId: 36,
  signInId: 36,
  undoes: 36, // an amenity use's id
  at: 29, // ISO 8601 with an offset at most
  consentAt: 29,
  creditedEnd: 29,
  queueNo: 5, // A007, A1234
  number: 8, // a request's receipt number
  phone: 12, // a landline with its area code
  account: 'max',
  memberId: 64, // roster ids
  unitId: 64,
  shiftId: 64,
  signature: 'max', // SVG path data
};

interface ZodIntrospect {
  _zod: { def: { type: string; checks?: { _zod: { def: { check: string; maximum?: number } } }[]; values?: unknown[]; entries?: Record<string, string> } };
  maxLength?: number | null;
  maxValue?: number | null;
  minValue?: number | null;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  unwrap?: () => z.ZodType;
}

/**
 * The most a value of the schema can weigh as JSON in UTF-8, each character of free text taking
 * `bytesPerCharacter` (6 for the heaviest: a control character, which JSON writes as \u0007).
 */
const jsonBound = (schema: z.ZodType, bytesPerCharacter: number, field = '(record)'): number => {
  const s = schema as unknown as ZodIntrospect;
  const def = s._zod.def;
  switch (def.type) {
    case 'optional':
      return jsonBound(s.unwrap!(), bytesPerCharacter, field);
    case 'string': {
      const ascii = ASCII_FIELDS[field];
      if (ascii !== undefined) return 2 + (ascii === 'max' ? s.maxLength! : ascii);
      if (s.maxLength === null || s.maxLength === undefined) throw new Error(`${field}: a string with no bound on its length`);
      return 2 + s.maxLength * bytesPerCharacter;
    }
    case 'enum':
      return 2 + Math.max(...Object.values(def.entries ?? {}).map((value) => utf8Length(value)));
    case 'literal':
      return Math.max(...(def.values ?? []).map((value) => jsonBytes(value)));
    case 'number':
      return s.maxValue !== null && s.minValue !== null && Number.isSafeInteger(s.maxValue) ? Math.max(String(s.maxValue).length, String(s.minValue).length) : 24;
    case 'boolean':
      return 5;
    case 'array': {
      const max = def.checks?.find((check) => check._zod.def.check === 'max_length')?._zod.def.maximum;
      if (max === undefined) throw new Error(`${field}: an array with no bound on its length`);
      return 2 + max * (jsonBound(s.element!, bytesPerCharacter, field) + 1);
    }
    case 'object':
      return 2 + Object.entries(s.shape!).reduce((sum, [key, value]) => sum + jsonBytes(key) + 1 + jsonBound(value, bytesPerCharacter, key) + 1, 0);
    case 'union':
      return Math.max(...s.options!.map((option) => jsonBound(option, bytesPerCharacter, field)));
    default:
      throw new Error(`${field}: no bound for a ${def.type}`);
  }
};

const kindName = (kind: z.ZodType) => String(((kind as unknown as ZodIntrospect).shape!.kind as unknown as ZodIntrospect)._zod.def.values?.[0]);

describe('limits', () => {
  it('weighs text in UTF-8 exactly as TextEncoder does', () => {
    for (const text of ['', 'ascii', 'Grüße', '红色驿站', '😀 emoji', '\ud800 lone', 'end \udc00', '\u2028', 'x'.repeat(10_000)]) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(jsonBytes({ text: '驿站' })).toBe(new TextEncoder().encode('{"text":"驿站"}').length);
  });

  it('fits a record of the cap, pushed alone from the longest station and epoch, far inside a batch and the body limit', () => {
    const envelope = jsonBytes({ stationId: 'a'.repeat(64), epoch: 'A'.repeat(64), schemaVersion: 10_000, entries: [{ seq: Number.MAX_SAFE_INTEGER, record: null }] }) - jsonBytes(null);
    expect(envelope + MAX_RECORD_BYTES).toBeLessThanOrEqual(PUSH_BATCH_BYTES / 8);
    expect(PUSH_BATCH_BYTES).toBeLessThanOrEqual(PUSH_BODY_LIMIT_BYTES / 2);
    // A full batch of heavy records would not fit: batches are cut by weight, not only by count.
    expect(MAX_PUSH_ENTRIES * MAX_RECORD_BYTES).toBeGreaterThan(PUSH_BODY_LIMIT_BYTES);
  });

  it('keeps every kind of record, each field filled to its schema limit with the heaviest characters, below the cap', () => {
    const kinds = (kioskRecordSchema as unknown as ZodIntrospect).options!;
    expect(kinds.length).toBeGreaterThanOrEqual(11);
    for (const kind of kinds) expect(jsonBound(kind, 6), kindName(kind)).toBeLessThan(MAX_RECORD_BYTES);
  });

  it('leaves Chinese text its full length: a maximal request in Chinese weighs a fraction of the cap', () => {
    const request = kioskRecordSchema.options.find((kind) => kindName(kind) === 'request')!;
    expect(jsonBound(request, 3)).toBeLessThan(MAX_RECORD_BYTES / 4);
  });
});
