// The shared result, invariant and bilingual-column helpers.
import { describe, expect, it } from "vitest";
import { found, invariantResponse } from "~/utils/invariant";
import { localized } from "~/utils/localized";
import { fail, ok } from "~/utils/result";

describe("result", () => {
  it("builds successes and failures with a catalog key", () => {
    expect(ok()).toEqual({ ok: true });
    expect(ok({ id: 3 })).toEqual({ ok: true, id: 3 });
    expect(fail("projects.errors.full", { field: "code", values: { n: 2 } })).toEqual({
      ok: false,
      reason: "projects.errors.full",
      field: "code",
      values: { n: 2 },
    });
  });
});

describe("invariantResponse", () => {
  it("throws a 404 Response by default and the given status otherwise", () => {
    expect(() => invariantResponse(true)).not.toThrow();
    let thrown: unknown;
    try {
      invariantResponse(0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    try {
      invariantResponse(false, "Forbidden", { status: 403 });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Response).status).toBe(403);
  });

  it("found() returns the row or throws a 404", () => {
    expect(found({ id: 1 })).toEqual({ id: 1 });
    expect(() => found(null)).toThrow(Response);
    expect(() => found(undefined)).toThrow(Response);
    expect(found(0)).toBe(0);
  });
});

describe("localized", () => {
  const row = { title_ja: "北区", title_en: "Kita City" };
  it("picks English for en, Japanese otherwise, and falls back to Japanese", () => {
    expect(localized(row, "title", "en")).toBe("Kita City");
    expect(localized(row, "title", "ja")).toBe("北区");
    expect(localized({ title_ja: "北区", title_en: null }, "title", "en")).toBe("北区");
    expect(localized({ title_ja: "北区", title_en: "" }, "title", "en")).toBe("北区");
  });
});
