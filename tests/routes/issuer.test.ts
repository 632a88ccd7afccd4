import { describe, expect, it } from "vitest";
import { loader } from "~/routes/issuer";
import { config } from "~/utils/env.server";

describe("GET /issuer", () => {
  it("publishes the issuer profile that credentials name", async () => {
    const res = await loader();
    const profile = await res.json();
    expect(profile.id).toBe(`${config().publicUrl}/issuer`);
    expect(profile.type).toEqual(["Profile"]);
    expect(profile.name).toContain("北区");
  });
});
