/**
 * The programme's badge image (the achievement's `image`, which wallets show) and baked badges.
 *
 * The image is an SVG drawn here with the city's name, rendered to a 256×256 PNG by resvg with Noto Sans JP (the
 * font the certificate PDF embeds) on first use and kept for the life of the process: one render (~100 ms), no
 * image files in the repository, and the same bytes every time (an ETag from their hash).
 *
 * Baking (Open Badges 3.0 §5.3, PNG): the credential goes into one iTXt chunk with the keyword
 * "openbadgecredential", uncompressed, placed before IEND; the PNG stays a valid image.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);
const FONT = "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf";
export const BADGE_SIZE = 256;
export const BAKED_KEYWORD = "openbadgecredential";

const BADGE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_SIZE}" height="${BADGE_SIZE}" viewBox="0 0 256 256">
  <circle cx="128" cy="128" r="124" fill="#0d4580"/>
  <circle cx="128" cy="128" r="110" fill="none" stroke="#f2c14e" stroke-width="5"/>
  <path d="M70 196 L128 214 L186 196 L186 222 L128 240 L70 222 Z" fill="#f2c14e"/>
  <text x="128" y="92" font-family="Noto Sans JP" font-weight="700" font-size="22" fill="#ffffff" text-anchor="middle">東京都</text>
  <text x="128" y="146" font-family="Noto Sans JP" font-weight="700" font-size="54" fill="#ffffff" text-anchor="middle">北区</text>
  <text x="128" y="178" font-family="Noto Sans JP" font-weight="700" font-size="19" fill="#ffffff" text-anchor="middle">産学連携 企業取材</text>
  <text x="128" y="226" font-family="Noto Sans JP" font-weight="700" font-size="13" fill="#0d4580" text-anchor="middle">KITA CITY, TOKYO</text>
</svg>`;

let badge: { png: Buffer; etag: string } | undefined;

/** The badge PNG (rendered once per process). */
export function badgePng(): { png: Buffer; etag: string } {
  if (!badge) {
    const png = new Resvg(BADGE_SVG, {
      font: { fontFiles: [require.resolve(FONT)], loadSystemFonts: false, defaultFontFamily: "Noto Sans JP" },
      fitTo: { mode: "width", value: BADGE_SIZE },
    })
      .render()
      .asPng();
    badge = { png, etag: `"${createHash("sha256").update(png).digest("base64url").slice(0, 27)}"` };
  }
  return badge;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309 / ITU-T V.42), over the chunk type and data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** The PNG with the credential (the JSON with its proof, or a compact JWT) in an openbadgecredential iTXt chunk. */
export function bakePng(png: Buffer, credential: string): Buffer {
  const iend = png.lastIndexOf(Buffer.from("IEND", "latin1")) - 4;
  if (iend < 8) throw new Error("not a PNG (no IEND chunk)");
  // keyword, NUL, compression flag 0 (uncompressed), method 0, empty language tag, NUL, empty translated keyword, NUL
  const header = Buffer.concat([Buffer.from(BAKED_KEYWORD, "latin1"), Buffer.from([0, 0, 0, 0, 0])]);
  const itxt = chunk("iTXt", Buffer.concat([header, Buffer.from(credential, "utf8")]));
  return Buffer.concat([png.subarray(0, iend), itxt, png.subarray(iend)]);
}
