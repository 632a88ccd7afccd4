// When a browser test fails, what its open pages showed: each page's address, heading, alerts, toasts and field
// errors are printed (so a CI log says where a journey stopped), with the server's error lines logged meanwhile (its
// log is test-results/e2e-server.log), and a screenshot is kept in test-results/e2e-failures.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import { openContexts } from "./browser";
import { serverErrorsSince, serverLogSize } from "./server-log";

const DIR = path.resolve(import.meta.dirname, "../../test-results/e2e-failures");

let logOffset = 0;
beforeEach(() => {
  logOffset = serverLogSize();
});

afterEach(async ({ task }) => {
  if (task.result?.state !== "fail") return;
  for (const line of serverErrorsSince(logOffset)) console.error(`[failed: ${task.name}] server: ${line}`);
  const pages = [...openContexts].flatMap((context) => context.pages());
  fs.mkdirSync(DIR, { recursive: true });
  for (const [i, page] of pages.entries()) {
    const shown = await page
      .evaluate(() => {
        const texts = (selector: string) =>
          [...document.querySelectorAll(selector)].map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim());
        return {
          heading: texts("h1"),
          alerts: texts('[role="alert"], [role="status"], .field-errors').filter(Boolean),
          hydrated: document.documentElement.hasAttribute("data-hydrated"),
        };
      })
      .catch((error: unknown) => ({ unreadable: String(error) }));
    const file = path.join(DIR, `${task.name.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80)}-${i}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`[failed: ${task.name}] page ${i}: ${page.url()} ${JSON.stringify(shown)} (screenshot ${file})`);
  }
});
