import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);
let prepared = false;

/**
 * The texts of the QR codes in an image (a PNG screenshot), read as a phone or the kiosk's camera would: ZXing,
 * the kiosk's own fallback decoder, here with its WebAssembly from node_modules instead of a URL.
 */
export const readQrCodes = async (png: Uint8Array): Promise<string[]> => {
  if (!prepared) {
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) } });
    prepared = true;
  }
  return (await readBarcodes(png, { formats: ['QRCode'], tryHarder: true })).filter((result) => result.isValid).map((result) => result.text);
};
