import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export interface ByteRange {
  start: number;
  /** Inclusive, as in the header. */
  end: number;
}

export type RangeAnswer = { kind: 'whole' } | { kind: 'unsatisfiable' } | { kind: 'ranges'; ranges: ByteRange[] };

/** As many as electron-updater asks for in one request (its differential download sends up to 1000). */
export const MAX_RANGES = 1000;

/**
 * Reads a Range header (RFC 9110 §14) against a file of `size` bytes. What cannot be read, another unit, more
 * than MAX_RANGES ranges or ranges that add up to more than the file (overlaps: a way to make a small request
 * cost a large answer) is ignored: the whole file is the answer, as the RFC allows. Ranges are kept in the
 * order asked, one part each: electron-updater's multipart reader maps parts to its requests by position.
 */
export const parseByteRanges = (header: string | undefined, size: number): RangeAnswer => {
  if (!header) return { kind: 'whole' };
  const match = /^bytes=(.+)$/i.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const specs = match[1]!.split(',').map((spec) => spec.trim());
  if (specs.length > MAX_RANGES) return { kind: 'whole' };
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const parts = /^(\d*)-(\d*)$/.exec(spec);
    if (!parts || (parts[1] === '' && parts[2] === '')) return { kind: 'whole' };
    const [first, last] = [parts[1] === '' ? null : Number(parts[1]), parts[2] === '' ? null : Number(parts[2])];
    if ((first !== null && !Number.isSafeInteger(first)) || (last !== null && !Number.isSafeInteger(last))) return { kind: 'whole' };
    if (first === null) {
      // A suffix: the last `last` bytes.
      if (last! > 0 && size > 0) ranges.push({ start: Math.max(0, size - last!), end: size - 1 });
      continue;
    }
    if (last !== null && last < first) return { kind: 'whole' };
    if (first < size) ranges.push({ start: first, end: Math.min(last ?? size - 1, size - 1) });
  }
  if (ranges.length === 0) return { kind: 'unsatisfiable' };
  if (ranges.reduce((total, range) => total + range.end - range.start + 1, 0) > size) return { kind: 'whole' };
  return { kind: 'ranges', ranges };
};

export interface RangedBody {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

/**
 * The answer to a GET of a file of `size` bytes with this Range header: the whole file (200), one range (206
 * with Content-Range), several (206 multipart/byteranges, one part per range in the order asked), or 416.
 */
export const rangedBody = (path: string, size: number, rangeHeader: string | undefined, contentType: string): RangedBody => {
  const answer = parseByteRanges(rangeHeader, size);
  if (answer.kind === 'unsatisfiable') return { status: 416, headers: { 'content-range': `bytes */${size}` }, body: null };
  if (answer.kind === 'whole') return { status: 200, headers: { 'content-type': contentType, 'content-length': String(size) }, body: createReadStream(path) };
  if (answer.ranges.length === 1) {
    const [{ start, end }] = answer.ranges as [ByteRange];
    return {
      status: 206,
      headers: { 'content-type': contentType, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) },
      body: createReadStream(path, { start, end }),
    };
  }
  const { ranges } = answer;
  const boundary = randomBytes(16).toString('hex');
  const heads = ranges.map(({ start, end }, index) =>
    Buffer.from(`${index === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${start}-${end}/${size}\r\n\r\n`),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = heads.reduce((total, head, index) => total + head.length + ranges[index]!.end - ranges[index]!.start + 1, tail.length);
  async function* parts() {
    for (const [index, { start, end }] of ranges.entries()) {
      yield heads[index]!;
      yield* createReadStream(path, { start, end });
    }
    yield tail;
  }
  return {
    status: 206,
    headers: { 'content-type': `multipart/byteranges; boundary=${boundary}`, 'content-length': String(length) },
    body: Readable.from(parts()),
  };
};
