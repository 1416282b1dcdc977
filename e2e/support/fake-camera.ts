/**
 * A camera for the browser that films one QR code: Chromium plays a Y4M file as its fake video
 * capture device, so the check-in page's scanner reads the badge as a phone's camera would.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium } from "@playwright/test";
import QRCode from "qrcode";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./chromium";

const WIDTH = 640;
const HEIGHT = 480;
const SCALE = 8;

/** A Y4M video (4:2:0, two identical frames) of `text` as a QR code, black on white; returns its path. */
export function qrVideo(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const side = modules.size * SCALE;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (modules.get(Math.floor(y / SCALE), Math.floor(x / SCALE))) luma[(top + y) * WIDTH + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const file = path.join(os.tmpdir(), `csm-e2e-qr-${process.pid}-${Date.now()}.y4m`);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]));
  return file;
}

/** A Chromium whose camera shows `videoFile`, allowed without asking (the page's own policy still applies). */
export function launchWithCamera(videoFile: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: [...CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${videoFile}`],
  });
}
