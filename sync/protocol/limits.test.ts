import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { jsonBytes, MAX_RECORD_BYTES, PUSH_BATCH_BYTES, PUSH_BODY_LIMIT_BYTES, utf8Length } from './limits.ts';
import { kioskRecordSchema } from './records.ts';
import { MAX_PUSH_ENTRIES } from './wire.ts';

/**
 * Strings the schemas bound by a pattern or a format instead of a length, with the longest the kiosk writes.
 * A new unbounded string fails the bound below until it is listed here (or given a max).
 */
const PATTERN_LENGTHS: Record<string, number> = {
  id: 36, // a UUID
  requestId: 36,
  at: 29, // the tablet's clock, ISO 8601 with an offset at most
  consentAt: 29,
  queueNo: 5, // A007, A1234
  number: 7, // a request's number, 7 digits
  phone: 12, // a landline with its area code
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
 * The most a value of the schema can weigh as JSON in UTF-8, when each character of free text takes
 * `bytesPerCharacter` (3 for anything a resident types: a Chinese character, or half an emoji).
 */
const jsonBound = (schema: z.ZodType, bytesPerCharacter: number, field = '(record)'): number => {
  const s = schema as unknown as ZodIntrospect;
  const def = s._zod.def;
  switch (def.type) {
    case 'optional':
      return jsonBound(s.unwrap!(), bytesPerCharacter, field);
    case 'string': {
      const length = s.maxLength ?? PATTERN_LENGTHS[field];
      if (length === undefined) throw new Error(`${field}: a string with no bound on its length`);
      return 2 + length * bytesPerCharacter;
    }
    case 'enum':
      return 2 + Math.max(...Object.values(def.entries ?? {}).map((value) => utf8Length(value) * bytesPerCharacter));
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

describe('limits', () => {
  it('weighs text in UTF-8 exactly as TextEncoder does', () => {
    for (const text of ['', 'ascii', 'Grüße', '红色驿站', '😀 emoji', '\ud800 lone', 'end \udc00', '\u2028', 'x'.repeat(10_000)]) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(jsonBytes({ text: '驿站' })).toBe(new TextEncoder().encode('{"text":"驿站"}').length);
  });

  it('fits a record of the cap, pushed alone from the longest station and epoch, far inside a batch and the body limit', () => {
    const envelope = jsonBytes({ stationId: 'a'.repeat(64), epoch: 'A'.repeat(64), schemaVersion: 10_000, entries: [{ seq: Number.MAX_SAFE_INTEGER, record: null }] }) - jsonBytes(null);
    expect(envelope + MAX_RECORD_BYTES).toBeLessThanOrEqual(PUSH_BATCH_BYTES / 32);
    expect(PUSH_BATCH_BYTES).toBeLessThanOrEqual(PUSH_BODY_LIMIT_BYTES / 2);
    // A full batch of records of the cap would not fit: batches are cut by weight, not only by count.
    expect(MAX_PUSH_ENTRIES * MAX_RECORD_BYTES).toBeGreaterThan(PUSH_BODY_LIMIT_BYTES);
  });

  it('keeps every kind of record, filled to its schema limits with what a resident can type, below the cap', () => {
    const kinds = (kioskRecordSchema as unknown as ZodIntrospect).options!;
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    for (const kind of kinds) {
      const name = String(((kind as unknown as ZodIntrospect).shape!.kind as unknown as ZodIntrospect)._zod.def.values?.[0]);
      expect(jsonBound(kind, 3), name).toBeLessThan(MAX_RECORD_BYTES);
    }
  });

  it('is needed: the schemas alone let control characters (six bytes each in JSON) make a record heavier than the cap', () => {
    expect(jsonBytes({ detail: '\u0007'.repeat(2_000) })).toBeGreaterThan(MAX_RECORD_BYTES);
    expect(jsonBound(kioskRecordSchema, 6)).toBeGreaterThan(MAX_RECORD_BYTES);
  });
});
