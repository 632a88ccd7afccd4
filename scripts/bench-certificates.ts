/**
 * Certificate speed: `npx tsx scripts/bench-certificates.ts [--out sample.pdf]`
 * Prints the warm median time of one certificate PDF (50 runs after a warm-up) and the time to issue 1,000
 * certificates (build the credential, sign it, render the PDF), against the targets of 15 ms and 15 s.
 * Uses a throwaway DATA_DIR (for the development signing key); --out also writes one sample PDF.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "kita-cert-bench-"));

const { issueCredential } = await import("../app/certificates/credential.server");
const { renderCertificatePdf } = await import("../app/certificates/pdf.server");
const { certificateData } = await import("../tests/factories/certificates");

const STATUS_LIST = "http://localhost:3000/credentials/status/1";

async function oneCertificate(i: number) {
  const data = certificateData();
  const { credential, jwt, verifyUrl } = await issueCredential(data, { statusListUrl: STATUS_LIST, index: i });
  return { data, credential, jwt, verifyUrl };
}

export async function benchCertificatePdf(runs = 50, total = 1000) {
  const sample = await oneCertificate(0);
  const render = () => renderCertificatePdf({ ...sample.data, verifyUrl: sample.verifyUrl, credential: sample.credential, credentialJwt: sample.jwt });
  for (let i = 0; i < 20; i++) await render(); // warm-up: font parse, JIT, layout memo
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await render();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < total; i++) {
    const c = await oneCertificate(i);
    bytes += (await renderCertificatePdf({ ...c.data, verifyUrl: c.verifyUrl, credential: c.credential, credentialJwt: c.jwt })).length;
  }
  const totalMs = performance.now() - t0;
  return {
    pdfWarmMedianMs: +times[Math.floor(runs / 2)].toFixed(2),
    pdfWarmP90Ms: +times[Math.floor(runs * 0.9)].toFixed(2),
    [`issue${total}Seconds`]: +(totalMs / 1000).toFixed(2),
    averagePdfKB: +(bytes / total / 1024).toFixed(1),
  };
}

const out = process.argv.indexOf("--out");
if (out > 0) {
  const c = await oneCertificate(0);
  fs.writeFileSync(process.argv[out + 1], await renderCertificatePdf({ ...c.data, verifyUrl: c.verifyUrl, credential: c.credential, credentialJwt: c.jwt }));
  console.log(`wrote ${process.argv[out + 1]}`);
}
const result = await benchCertificatePdf(Number(process.env.BENCH_RUNS ?? 50), Number(process.env.BENCH_TOTAL ?? 1000));
console.table(result);
fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
