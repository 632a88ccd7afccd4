// Going live from nothing: the built server with APP_ENV=production on an empty data folder (real signing keys, mail
// through the API to the mail catcher), `staff:invite` for the first staff member, the mailed link, a password, a
// first partner university, a professor invited and signed in. Then SIGTERM ends the server with exit code 0.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateEd25519KeyJwk, generateSigningKeyJwk } from "~/certificates/keys.server";
import { expectAccessible, launch } from "./browser";
import { linkIn, mailCursor, waitForMail } from "./mail";

let browser: Browser;
let child: ChildProcess | undefined;
let exited: Promise<number | string | null> | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kita-first-start-"));
let env: NodeJS.ProcessEnv;
let origin: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

beforeAll(async () => {
  browser = await launch();
  const port = await freePort();
  // localhost: a secure context for the browser, so the production cookies (Secure, __Host-) work over plain http.
  origin = `http://localhost:${port}`;
  env = {
    ...process.env,
    APP_ENV: "production",
    PORT: String(port),
    PUBLIC_URL: origin,
    DATA_DIR: dataDir,
    DATABASE_PATH: path.join(dataDir, "app.db"),
    SESSION_SECRET: "f".repeat(48),
    MAIL_API_URL: `${inject("mailCatcherURL")}/v3/mail/send`,
    MAIL_API_KEY: "e2e-mail-key",
    CERT_SIGNING_KEYS: JSON.stringify([await generateSigningKeyJwk()]),
    CERT_ED25519_KEYS: JSON.stringify([await generateEd25519KeyJwk()]),
  };
  delete env.MAIL_MODE;
  delete env.DEMO_DATA;
  const logs: string[] = [];
  const server = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child = server;
  server.stdout.on("data", (d) => logs.push(String(d)));
  server.stderr.on("data", (d) => logs.push(String(d)));
  exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (server.exitCode !== null || Date.now() > deadline)
      throw new Error(`The server did not start:\n${logs.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function staffInvite(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/staff-invite.ts", ...args], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("production, first start", () => {
  it("goes from an empty data folder to a staff member, a university and a signed-in professor", async () => {
    const ready = await (await fetch(`${origin}/readyz`)).json();
    expect(ready).toMatchObject({ ready: true, migrations: { pending: [] }, mail: { mode: "api" } });
    // No demo data in production: the demo staff account does not exist.
    const demo = await fetch(`${origin}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "staff@city.kita.example", password: "kita-demo-2026", redirectTo: "" }),
    });
    expect(demo.status).toBe(401);

    const staffEmail = "first.staff@city.kita.example";
    const after = await mailCursor();
    const invited = staffInvite(staffEmail, "北区", "一郎");
    expect(invited.status, invited.stderr).toBe(0);
    const printed = invited.stdout.trim();
    expect(invited.stdout.split("\n").filter(Boolean)).toEqual([printed]);
    expect(printed).toMatch(new RegExp(`^${origin}/invitations/[A-Za-z0-9_-]+$`));
    const mail = await waitForMail(staffEmail, { after });
    expect(mail.authorization).toBe("Bearer e2e-mail-key");
    const link = linkIn(mail, "/invitations/");
    expect(`${origin}${link}`).toBe(printed);

    // The first staff member sets a password (a common one is refused) and lands on the staff home.
    const staff = await (await browser.newContext({ baseURL: origin, locale: "ja-JP" })).newPage();
    await staff.goto(link);
    await staff.getByRole("heading", { level: 1, name: "アカウントの有効化" }).waitFor();
    await staff.getByLabel("パスワード").fill("password123");
    await staff.getByRole("button", { name: "パスワードを設定してはじめる" }).click();
    await staff
      .locator("[id$='-error']")
      .filter({ hasText: /よく使われて/ })
      .first()
      .waitFor();
    await staff.getByLabel("パスワード").fill("the first staff passphrase");
    await staff.getByRole("button", { name: "パスワードを設定してはじめる" }).click();
    await staff.getByRole("heading", { level: 1, name: "職員ホーム" }).waitFor();
    const cookies = await staff.context().cookies();
    expect(cookies.find((c) => c.name === "__Host-session")?.secure).toBe(true);

    // Asked again for an address that has an account now: nothing changes, stderr says so, exit 3, stdout empty.
    const twice = staffInvite(staffEmail);
    expect(twice.status).toBe(3);
    expect(twice.stdout).toBe("");
    expect(twice.stderr).toContain("already exists");

    // The first partner university.
    await staff.goto("/staff/universities");
    await staff.getByText("連携大学はまだ登録されていません。").waitFor();
    await staff.getByLabel("大学名（日本語）").fill("北区工科大学");
    await staff.getByLabel("大学名（英語）").fill("Kita Institute of Technology");
    await staff.getByRole("button", { name: "追加する" }).click();
    await staff.getByRole("status").filter({ hasText: "北区工科大学を追加しました。" }).waitFor();
    await expectAccessible(staff);

    // A professor of it, invited and signed in.
    const professorEmail = "first.professor@kit.example";
    await staff.goto("/staff/users");
    const beforeInvite = await mailCursor();
    // The invitation form (the account filters above it have a role field too).
    const invite = staff.getByRole("region", { name: "招待する" });
    await invite.getByLabel("氏名", { exact: true }).fill("工科 教授");
    await invite.getByLabel("メールアドレス", { exact: true }).fill(professorEmail);
    await invite.getByLabel("役割").selectOption({ label: "教員" });
    await invite.getByLabel("大学（教員の場合）").selectOption({ label: "北区工科大学" });
    await invite.getByRole("button", { name: "招待メールを送る" }).click();
    await staff
      .getByRole("status")
      .filter({ hasText: `${professorEmail} に招待メールを送りました。` })
      .waitFor();
    const professorLink = linkIn(await waitForMail(professorEmail, { after: beforeInvite }), "/invitations/");

    const professor = await (await browser.newContext({ baseURL: origin, locale: "ja-JP" })).newPage();
    await professor.goto(professorLink);
    await professor.getByLabel("パスワード").fill("the professor's passphrase");
    await professor.getByRole("button", { name: "パスワードを設定してはじめる" }).click();
    await professor.getByRole("heading", { level: 1, name: "教員ホーム" }).waitFor();
    await professor.goto("/account");
    await expectAccessible(professor);
    await professor.context().close();
    await staff.context().close();

    // A graceful stop.
    child!.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
