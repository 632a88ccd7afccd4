/**
 * A QR code as one SVG path (a rectangle per horizontal run of dark modules, in module units), for pages that show
 * it inline: no script, no image request, crisp at any size.
 */
import QRCode from "qrcode";

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The SVG path of the dark modules, drawn in a viewBox of `-4 -4 size+8 size+8` (the 4-module quiet zone). */
  d: string;
}

export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let d = "";
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && modules.get(row, col);
      if (dark && start < 0) start = col;
      else if (!dark && start >= 0) {
        d += `M${start} ${row}h${col - start}v1h${start - col}z`;
        start = -1;
      }
    }
  }
  return { size: n, d };
}
