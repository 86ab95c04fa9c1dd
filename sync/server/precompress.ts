import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What compresses: text and WebAssembly. Images and fonts of the build are compressed already. */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|webmanifest|svg|txt|wasm)$/i;
/** Below this, a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/** Files considered, their bytes, and the bytes a client accepting brotli (or only gzip) is sent for them. */
export interface PrecompressResult {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/**
 * Writes `name.br` (brotli, best quality) and `name.gz` (gzip, level 9) beside every compressible file of a
 * build, once, at build time, so the central server sends the kiosk compressed (@fastify/static, preCompressed)
 * without compressing anything per request. A copy that does not come out smaller is not written: the server
 * then sends the original. vite.config.ts runs it after the service worker is generated, so sw.js gets its copies too.
 */
export const precompressBuild = async (dir: string): Promise<PrecompressResult> => {
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const source = await readFile(path);
    if (source.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
      gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    result.files += 1;
    result.bytes += source.length;
    if (br.length < source.length) await writeFile(`${path}.br`, br);
    if (gz.length < source.length) await writeFile(`${path}.gz`, gz);
    result.brotliBytes += Math.min(br.length, source.length);
    result.gzipBytes += Math.min(gz.length, source.length);
  }
  return result;
};
