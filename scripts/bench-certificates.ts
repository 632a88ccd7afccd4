/**
 * Certificate speed: `npx tsx scripts/bench-certificates.ts [--out sample.pdf]`
 * Prints the warm median time of one certificate PDF (50 runs after a warm-up) and the time to issue 1,000
 * certificates (build the credential, sign it, render the PDF), against the targets of 15 ms and 15 s.
 * Run as a script it uses a throwaway DATA_DIR (for the development signing key); --out also writes a sample PDF.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const STATUS_LIST = "http://localhost:3000/credentials/status/1";

// Imported on first use, after the script has chosen its DATA_DIR (config is read once).
let modules: Promise<
  [
    typeof import("../app/certificates/credential.server"),
    typeof import("../app/certificates/pdf.server"),
    typeof import("../tests/factories/certificates"),
  ]
>;

async function oneCertificate(index: number) {
  modules ??= Promise.all([
    import("../app/certificates/credential.server"),
    import("../app/certificates/pdf.server"),
    import("../tests/factories/certificates"),
  ]);
  const [{ issueCredential }, { renderCertificatePdf }, { certificateData }] = await modules;
  const data = certificateData();
  const { credential, jwt, verifyUrl } = await issueCredential(data, { statusListUrl: STATUS_LIST, index });
  const input = { ...data, verifyUrl, credential, credentialJwt: jwt };
  return { input, render: () => renderCertificatePdf(input) };
}

export async function benchCertificatePdf(runs = 50, total = 1000) {
  const sample = await oneCertificate(0);
  for (let i = 0; i < 20; i++) await sample.render(); // warm-up: font parse, JIT, layout memo
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await sample.render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < total; i++) bytes += (await (await oneCertificate(i)).render()).length;
  const totalMs = performance.now() - start;
  return {
    pdfWarmMedianMs: +times[Math.floor(runs / 2)].toFixed(2),
    pdfWarmP90Ms: +times[Math.floor(runs * 0.9)].toFixed(2),
    [`issue${total}Seconds`]: +(totalMs / 1000).toFixed(2),
    averagePdfKB: total ? +(bytes / total / 1024).toFixed(1) : 0,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-cert-bench-"));
  process.env.DATA_DIR = dataDir;
  const out = process.argv.indexOf("--out");
  if (out > 0) {
    fs.writeFileSync(process.argv[out + 1], await (await oneCertificate(0)).render());
    console.log(`wrote ${process.argv[out + 1]}`);
  }
  console.table(
    await benchCertificatePdf(Number(process.env.BENCH_RUNS ?? 50), Number(process.env.BENCH_TOTAL ?? 1000)),
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
}
