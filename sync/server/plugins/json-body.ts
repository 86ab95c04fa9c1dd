import type { FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH } from '../../protocol/wire.ts';
import { HttpError } from '../errors.ts';

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests arrays and objects deeper than maxDepth: one pass over the characters, brackets inside
 * strings skipped, nothing built. Malformed text is left for the parser to refuse.
 */
export const nestsDeeperThan = (text: string, maxDepth: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth -= 1;
  }
  return false;
};

/**
 * Fastify's own JSON parser (with its __proto__ and constructor checks), behind a depth check. A record nested
 * 10,000 deep parses fine but overflows the stack of whatever walks it next (validation, JSON.stringify for the
 * dead letter): refused as 400 before anything builds it.
 */
export const registerJsonBodyParser = (app: FastifyInstance, maxDepth = MAX_JSON_DEPTH) => {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (nestsDeeperThan(text, maxDepth)) {
      done(new HttpError(400, 'bad-request', `JSON nested deeper than ${maxDepth} levels`), undefined);
      return;
    }
    parse(request, text, done);
  });
};
