import { createRequire } from "node:module";
import fs from "node:fs"; import os from "node:os"; import path from "node:path";
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "kita-cert-x-"));
const req = createRequire(createRequire(import.meta.url).resolve("pdf-lib"));
const pako = req("pako");
const orig = pako.deflate; let t = 0, n = 0, bytesIn = 0;
pako.deflate = (d: Uint8Array, o: any) => { if (process.env.SIZES) console.log("deflate", d.length, new Error().stack!.split("\n")[3].trim()); const s = performance.now(); const r = orig(d, o); t += performance.now() - s; n++; bytesIn += d.length; return r; };
const { issueCredential } = await import("./app/certificates/credential.server");
const { renderCertificatePdf } = await import("./app/certificates/pdf.server");
const { certificateData } = await import("./tests/factories/certificates");
const data = certificateData();
const c = await issueCredential(data, { statusListUrl: "http://x/s", index: 1 });
const input = { ...data, verifyUrl: c.verifyUrl, credential: c.credential, credentialJwt: c.jwt };
for (let i = 0; i < 20; i++) await renderCertificatePdf(input);
t = 0; n = 0; bytesIn = 0;
const s = performance.now(); const ts: number[] = [];
for (let i = 0; i < 100; i++) { const a = performance.now(); await renderCertificatePdf(input); ts.push(performance.now() - a); }
ts.sort((a, b) => a - b);
console.log("median", ts[50].toFixed(2), "min", ts[0].toFixed(2), "per pdf ms", (performance.now() - s) / 100, "deflate ms", t / 100, "calls", n / 100, "bytes", bytesIn / 100);
