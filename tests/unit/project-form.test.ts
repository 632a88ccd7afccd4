// The proposal form's pure parts: Tokyo datetime-local ⇄ UTC, the schema's cross-field rules, stored industries.
import { describe, expect, it } from "vitest";
import { firmIndustriesOf, ProjectSchema } from "~/schemas/project";
import { isoToTokyoLocal, tokyoLocalToIso } from "~/utils/format";

describe("Tokyo datetime-local values", () => {
  it("converts to UTC and back", () => {
    expect(tokyoLocalToIso("2026-12-01T09:00")).toBe("2026-12-01T00:00:00.000Z");
    // Just after midnight on 1 April in Tokyo is still 31 March in UTC.
    expect(tokyoLocalToIso("2027-04-01T00:00")).toBe("2027-03-31T15:00:00.000Z");
    expect(isoToTokyoLocal("2027-03-31T15:00:00.000Z")).toBe("2027-04-01T00:00");
    expect(isoToTokyoLocal(tokyoLocalToIso("2026-11-25T23:59")!)).toBe("2026-11-25T23:59");
  });

  it("refuses what is not a real local date and time", () => {
    for (const bad of ["", "2026-12-01", "2026-02-30T09:00", "2026-12-01T25:00", "tomorrow", "2026-12-01T09:00Z"]) {
      expect(tokyoLocalToIso(bad), bad).toBeNull();
    }
  });
});

describe("ProjectSchema", () => {
  const base = {
    titleJa: "題",
    summaryJa: "概要",
    seminarName: "ゼミ",
    agreementId: 1,
    theme: "テーマ",
    fiscalYear: 2026,
    studentCapacity: 6,
    teamSize: 2,
    signupOpensAt: "2026-12-01T09:00",
    signupClosesAt: "2026-12-01T09:01",
    interviewFrom: "2027-01-10",
    interviewUntil: "2027-01-10",
    presentationOn: "2027-01-11",
  };

  // Issue 12 changed one edge: the presentation comes after the last interview day (it used to be allowed that day).
  it("accepts edges (one minute of sign-up, one-day interviews, presenting the next day, one team)", () => {
    const parsed = ProjectSchema.parse({ ...base, teamSize: 6, firmIndustries: ["printing", "food", "printing"] });
    expect(parsed).toMatchObject({
      signupOpensAt: "2026-12-01T00:00:00.000Z",
      signupClosesAt: "2026-12-01T00:01:00.000Z",
      newProductFocus: false,
    });
    // Known industries, each once, in the catalog's order.
    expect(parsed.firmIndustries).toEqual(["printing", "food"]);
  });

  it("refuses presenting on the last interview day, and sign-up closing after interviews start", () => {
    const r = ProjectSchema.safeParse({ ...base, presentationOn: "2027-01-10", signupClosesAt: "2027-01-10T00:01" });
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      expect.arrayContaining([
        ["presentationOn", "projects.errors.presentationBeforeInterviews"],
        ["signupClosesAt", "projects.errors.closesAfterInterviewsStart"],
      ]),
    );
  });

  it("refuses a team larger than the seminar and a window that closes when it opens", () => {
    const r = ProjectSchema.safeParse({ ...base, teamSize: 7, signupClosesAt: base.signupOpensAt });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["teamSize", "signupClosesAt"]));
  });
});

describe("firmIndustriesOf", () => {
  it("reads the stored JSON list and treats anything else as no preference", () => {
    expect(firmIndustriesOf('["food","printing"]')).toEqual(["food", "printing"]);
    expect(firmIndustriesOf("not json")).toEqual([]);
    expect(firmIndustriesOf('{"a":1}')).toEqual([]);
  });
});
