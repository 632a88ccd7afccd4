import { describe, expect, it } from "vitest";
import { isCrossSiteMutation } from "../../server/cross-site-guard.js";

describe("cross-site POST guard", () => {
  const host = "kita.example";
  it("refuses a POST from another origin or marked cross-site", () => {
    expect(isCrossSiteMutation({ method: "POST", host, origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteMutation({ method: "POST", host, secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossSiteMutation({ method: "POST", host, origin: "null" })).toBe(true);
  });
  it("lets same-site POSTs, old clients without Origin, and GETs through", () => {
    expect(
      isCrossSiteMutation({ method: "POST", host, origin: "https://kita.example", secFetchSite: "same-origin" }),
    ).toBe(false);
    expect(isCrossSiteMutation({ method: "POST", host })).toBe(false);
    expect(
      isCrossSiteMutation({ method: "GET", host, origin: "https://evil.example", secFetchSite: "cross-site" }),
    ).toBe(false);
  });
});
