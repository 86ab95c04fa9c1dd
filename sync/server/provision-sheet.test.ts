import { describe, expect, it } from 'vitest';
import { qrMatrix } from './provision-sheet.ts';

const modules = (text: string): string => {
  const qr = qrMatrix(text);
  const count = qr.getModuleCount();
  return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, col) => (qr.isDark(row, col) ? '#' : '.')).join('')).join('\n');
};

describe('the QR code on the provisioning sheet', () => {
  // 幸福里 is U+5E78 U+798F U+91CC: a byte mode that keeps the low byte of each character writes x, 0x8F, 0xCC.
  it("carries a station's Chinese name as UTF-8, not as the low bytes of its characters", () => {
    const link = (name: string) => `https://centre.example.cn/#yizhan-setup?station=xingfuli-07&code=K7Q29XPM2345&name=${name}`;
    expect(modules(link('幸福里'))).not.toBe(modules(link('x\u008f\u00cc')));
  });
});
