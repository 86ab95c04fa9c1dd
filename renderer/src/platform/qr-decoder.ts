import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/**
 * Finds QR codes in camera frames. The platform's BarcodeDetector where it has one that reads QR codes (Android
 * WebView, ChromeOS); otherwise ZXing-C++ compiled to WebAssembly (zxing-wasm), the decoder most barcode apps are
 * built on, which reads small, tilted and poorly lit codes that pure-JavaScript decoders miss. Its .wasm ships
 * with the app and is fetched from our own origin, never from a CDN (its default), so scanning works offline
 * and under the app's CSP (which allows WebAssembly compilation, 'wasm-unsafe-eval', and nothing else).
 */
export interface QrDecoder {
  readonly engine: 'barcode-detector' | 'zxing-wasm';
  /** The texts of the QR codes in this frame (usually none or one). */
  decode(frame: ImageData): Promise<string[]>;
}

interface BarcodeDetectorLike {
  detect(source: ImageData): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const platformDetector = async (): Promise<QrDecoder | null> => {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return { engine: 'barcode-detector', decode: async (frame) => (await detector.detect(frame)).map((code) => code.rawValue) };
  } catch {
    return null;
  }
};

let zxingPrepared = false;
const zxingDecoder = (): QrDecoder => {
  if (!zxingPrepared) {
    prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });
    zxingPrepared = true;
  }
  return {
    engine: 'zxing-wasm',
    decode: async (frame) => (await readBarcodes(frame, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 })).filter((r) => r.isValid).map((r) => r.text),
  };
};

export const createQrDecoder = async (): Promise<QrDecoder> => (await platformDetector()) ?? zxingDecoder();
