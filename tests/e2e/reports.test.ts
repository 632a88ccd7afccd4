// The annual report in the browser, on the demo seed: staff pick FY2025 with the year selector (the completed Toyo
// seminar MKTG-2526) and open FY2026 (Toyo's open project and Teikyo's submitted one; Tokyo Kasei's draft left out),
// in Japanese and in English, and download the CSV. axe on every page visited.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInThroughForm } from "./browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function staffPage(locale: string): Promise<Page> {
  const page = await (await newContext(browser, { locale })).newPage();
  await signInThroughForm(page, "staff@city.kita.example");
  await page.getByRole("heading", { level: 1, name: /^(職員ホーム|Staff home)$/ }).waitFor();
  return page;
}

/** The figures of one row of a table (projects, students, firms, …), named by its caption. */
async function rowOf(page: Page, table: string, row: string): Promise<string[]> {
  const header = page.getByRole("rowheader", { name: row, exact: true });
  return page
    .getByRole("table", { name: table })
    .getByRole("row")
    .filter({ has: header })
    .getByRole("cell")
    .allInnerTexts();
}

async function downloadCsv(page: Page, linkName: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  return fs.readFileSync((await download.path())!);
}

describe("annual report", () => {
  it("staff read FY2025 and FY2026 in Japanese and download the CSV", async () => {
    const page = await staffPage("ja-JP");
    await page.goto("/staff/reports");
    await page.waitForURL(/\/staff\/reports\/\d{4}$/);
    await page.getByRole("heading", { level: 1, name: /年度 年次報告$/ }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("年度").selectOption({ label: "2025年度" });
    await page.getByRole("button", { name: "表示する" }).click();
    await page.waitForURL(/\/staff\/reports\/2025$/);
    await page.getByRole("heading", { level: 1, name: "2025年度 年次報告" }).waitFor();
    await expectAccessible(page);
    // The completed seminar: one project, four students, three host firms.
    expect((await rowOf(page, "2025年度の大学別の実績", "東洋大学")).slice(0, 3)).toEqual(["1", "4", "3"]);
    expect((await rowOf(page, "2025年度の大学別の実績", "帝京大学")).slice(0, 3)).toEqual(["0", "0", "0"]);
    expect((await rowOf(page, "2025年度の連携分野別の実績", "産業")).slice(0, 1)).toEqual(["1"]);
    await expect(page.getByRole("img", { name: "参加学生（大学別）" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("img", { name: "企画（連携分野別）" }).isVisible()).resolves.toBe(true);

    const csv = await downloadCsv(page, "CSVをダウンロード");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("区分,名称,企画,参加学生,受け入れ企業,実施した取材,発表,参加証明書");
    const toyo = await rowOf(page, "2025年度の大学別の実績", "東洋大学");
    expect(lines).toContain(["大学別", "東洋大学", ...toyo].join(","));

    await page.goto("/staff/reports/2026");
    await page.getByRole("heading", { level: 1, name: "2026年度 年次報告" }).waitFor();
    await expectAccessible(page);
    // Other browser tests add FY2026 Toyo projects to the shared database: at least the seeded one.
    expect(Number((await rowOf(page, "2026年度の大学別の実績", "東洋大学"))[0])).toBeGreaterThanOrEqual(1);
    expect((await rowOf(page, "2026年度の大学別の実績", "帝京大学"))[0]).toBe("1"); // submitted counts
    expect((await rowOf(page, "2026年度の大学別の実績", "東京家政大学"))[0]).toBe("0"); // a draft does not
  });

  it("staff read the report in English and download the CSV", async () => {
    const page = await staffPage("en-US");
    await page.goto("/staff/reports/2025");
    await page.getByRole("heading", { level: 1, name: "Annual report FY2025" }).waitFor();
    await expectAccessible(page);
    expect((await rowOf(page, "FY2025 by university", "Toyo University")).slice(0, 3)).toEqual(["1", "4", "3"]);
    await expect(page.getByRole("img", { name: "Students (By university)" }).isVisible()).resolves.toBe(true);

    const csv = (await downloadCsv(page, "Download CSV")).toString("utf8");
    expect(
      csv.startsWith("\uFEFFSection,Name,Projects,Students,Host firms,Interviews held,Presentations,Certificates\r\n"),
    ).toBe(true);
    expect(csv).toContain("\r\nBy agreement area,Industry,1,4,3,");

    await page.goto("/staff/reports/2026");
    await page.getByRole("heading", { level: 1, name: "Annual report FY2026" }).waitFor();
    await expectAccessible(page);
    expect((await rowOf(page, "FY2026 by university", "Teikyo University"))[0]).toBe("1");
  });
});
