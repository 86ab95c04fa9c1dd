import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qrMatrix } from '../../../sync/server/provision-sheet.ts';

/** Chromium's flags for a camera that shows `video` and needs no permission prompt. */
export const fakeCameraFlags = (video: string): string[] => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`];

/**
 * A 640×480 I420 video (y4m) of the given QR text as the provisioning sheet draws it, black on white, centred:
 * what the fake camera shows. In a folder of its own, which `remove` deletes.
 */
export const qrVideo = async (text: string): Promise<{ file: string; remove: () => Promise<void> }> => {
  const qr = qrMatrix(text);
  const width = 640;
  const height = 480;
  const modules = qr.getModuleCount();
  const scale = Math.floor(360 / (modules + 8));
  const side = (modules + 8) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (!qr.isDark(row, col)) continue;
      for (let y = 0; y < scale; y += 1) luma.fill(16, (top + (row + 4) * scale + y) * width + left + (col + 4) * scale, (top + (row + 4) * scale + y) * width + left + (col + 5) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const dir = await mkdtemp(join(tmpdir(), 'yizhan-qr-'));
  const file = join(dir, 'qr.y4m');
  await writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
};
