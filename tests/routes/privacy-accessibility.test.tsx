// The privacy notice and the accessibility statement: both languages, the retention periods as configured (so the
// page cannot drift from the system), no claim of a request screen that does not exist, invalid retention settings
// refused, the footer linking both pages, and the statement showing exactly the committed test results.
import { createInstance } from "i18next";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { A11yResults } from "~/accessibility/results";
import results from "~/accessibility/results.json";
import { SiteFooter } from "~/components/site-chrome";
import { i18nConfig, type Lng } from "~/i18n";
import { RETENTION_DEFAULTS, retentionPeriods, signupRetainedUntil } from "~/privacy/retention.server";
import * as accessibility from "~/routes/accessibility";
import * as privacy from "~/routes/privacy";

let loaderData: unknown;
vi.mock("@remix-run/react", async (original) => ({
  ...(await original<typeof import("@remix-run/react")>()),
  useLoaderData: () => loaderData,
  Link: ({ to, children }: { to: string; children: ReactNode }) => <a href={to}>{children}</a>,
}));
// The footer's links are plain anchors; their click handler needs a router, which these renders do not have.
vi.mock("~/components/plain-links", async (original) => ({
  ...(await original<typeof import("~/components/plain-links")>()),
  useClientNavigation: () => ({}),
}));

function render(node: ReactNode, lng: Lng): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ ...i18nConfig, lng, initImmediate: false });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>)
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function renderPage(mod: { loader?: () => unknown; default: () => ReactNode }, lng: Lng) {
  loaderData = mod.loader ? JSON.parse(JSON.stringify(mod.loader())) : undefined;
  const Page = mod.default;
  return render(<Page />, lng);
}

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["RETENTION_SIGNUP_FISCAL_YEARS", "RETENTION_MAIL_BODY_DAYS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("/privacy", () => {
  it("shows the default retention periods in Japanese and English", () => {
    expect(retentionPeriods({})).toEqual({ signupFiscalYears: 1, mailBodyDays: 90 });
    expect(RETENTION_DEFAULTS).toEqual({ signupFiscalYears: 1, mailBodyDays: 90 });
    const ja = renderPage(privacy, "ja");
    expect(ja).toContain("個人情報の取扱い");
    expect(ja).toContain("北区 産業振興課");
    expect(ja).toContain("送信から90日間");
    expect(ja).toContain("企画が完了した年度の翌年度末まで");
    const en = renderPage(privacy, "en");
    expect(en).toContain("Privacy notice");
    expect(en).toContain("Industry Promotion Section");
    expect(en).toContain("90 days after sending");
    expect(en).toContain("until the end of the fiscal year after the one in which the project was completed");
  });

  it("shows the configured periods, not figures written in the texts", () => {
    process.env.RETENTION_MAIL_BODY_DAYS = "30";
    process.env.RETENTION_SIGNUP_FISCAL_YEARS = "3";
    const ja = renderPage(privacy, "ja");
    expect(ja).toContain("送信から30日間");
    expect(ja).toContain("企画が完了した年度から3年度後の年度末まで");
    expect(ja).not.toContain("90日");
    const en = renderPage(privacy, "en");
    expect(en).toContain("30 days after sending");
    expect(en).toContain("fiscal year 3 years after");
    // The worked example follows the setting too.
    const data = privacy.loader();
    expect(data.example.until).toBe(`${data.example.fiscalYear + 4}-03-31`);
    expect(ja).toContain(`${data.example.fiscalYear + 4}年3月31日`);
  });

  it("explains requests by contacting the section and links the signed-in request screen (issue 14)", () => {
    const ja = renderPage(privacy, "ja");
    expect(ja).toContain("開示、訂正（追加・削除を含む）、利用停止（消去を含む）を請求できます");
    expect(ja).toContain("自分の情報の確認・請求");
    expect(ja).not.toContain("プラットフォーム上の画面では受け付けていません");
    const en = renderPage(privacy, "en");
    expect(en).toContain("Your data and requests");
    expect(en).not.toContain("cannot be made on the platform's own screens");
    expect(privacy.loader().selfService).toBe("/account#my-data");
  });

  it("says firms see only what the student consented to, after pairing", () => {
    expect(renderPage(privacy, "ja")).toContain("組み合わせの結果が公表された後");
    expect(renderPage(privacy, "en")).toContain("only the items each student consented to");
  });

  it("refuses retention settings that are not whole numbers in range", () => {
    for (const bad of ["abc", "0", "-1", "1e3", "1.5", "99999", " 9 0 "])
      expect(() => retentionPeriods({ RETENTION_MAIL_BODY_DAYS: bad }), bad).toThrow(/RETENTION_MAIL_BODY_DAYS/);
    for (const bad of ["0", "x", "31"])
      expect(() => retentionPeriods({ RETENTION_SIGNUP_FISCAL_YEARS: bad }), bad).toThrow(
        /RETENTION_SIGNUP_FISCAL_YEARS/,
      );
    expect(retentionPeriods({ RETENTION_MAIL_BODY_DAYS: "", RETENTION_SIGNUP_FISCAL_YEARS: " 2 " })).toEqual({
      signupFiscalYears: 2,
      mailBodyDays: 90,
    });
  });

  it("keeps motivations and rankings until the end of the fiscal year after the project completed", () => {
    const periods = { signupFiscalYears: 1, mailBodyDays: 90 };
    expect(signupRetainedUntil("2027-02-20", periods)).toBe("2028-03-31"); // FY2026 → end of FY2027
    expect(signupRetainedUntil("2026-04-01", periods)).toBe("2028-03-31");
    expect(signupRetainedUntil("2026-03-31", periods)).toBe("2027-03-31"); // FY2025
    expect(signupRetainedUntil("2026-03-31", { ...periods, signupFiscalYears: 2 })).toBe("2028-03-31");
  });
});

describe("/accessibility", () => {
  const data = results as A11yResults;

  it("states the target without claiming conformance, in both languages", () => {
    const ja = renderPage(accessibility, "ja");
    expect(ja).toContain("JIS X 8341-3:2016 の適合レベル AA を目標");
    expect(ja).toContain("「準拠」「一部準拠」は表明していません");
    expect(ja).toContain("音声読み上げソフトによる確認は、まだ行っていません");
    const en = renderPage(accessibility, "en");
    expect(en).toContain("Conformance level AA of JIS X 8341-3:2016");
    expect(en).toContain("does not claim conformance");
  });

  it("shows one row per page and JavaScript setting of the committed results, with their violations", () => {
    const ja = renderPage(accessibility, "ja");
    for (const p of data.pages) expect(ja).toContain(` ${p.page} ${p.js ? "有効" : "無効"} ${p.rules} `);
    const en = renderPage(accessibility, "en");
    for (const p of data.pages) expect(en).toContain(` ${p.page} ${p.js ? "on" : "off"} ${p.rules} `);
    for (const r of data.reflow) expect(en).toContain(`${r.page} : ${r.widths.join(", ")} px wide`);
  });

  it("sends nothing as loader data: the statement is built from the files bundled with the route", () => {
    // As loader data the results were encoded into every page view a second time (README "Decisions", 2026-12-02).
    expect("loader" in accessibility).toBe(false);
  });

  it("lists the keyboard journeys only when the run recorded them", () => {
    const ja = renderPage(accessibility, "ja");
    const recorded = new Set(data.keyboard.map((k) => k.journey));
    expect(ja.includes("発表会の受付名簿での出席の記録")).toBe(recorded.has("door"));
    expect(ja.includes("取材先企業の希望順位の入力")).toBe(recorded.has("signup"));
  });
});

describe("the footer", () => {
  it("links the privacy notice and the accessibility statement in both languages", () => {
    expect(render(<SiteFooter />, "ja")).toMatch(/個人情報の取扱い.*ウェブアクセシビリティ方針/);
    expect(render(<SiteFooter />, "en")).toMatch(/Privacy notice.*Accessibility statement/);
  });
});
