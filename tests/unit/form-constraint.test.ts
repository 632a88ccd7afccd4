// zodConstraint (app/utils/form-constraint.ts): Conform's constraint of a schema, the same as getZodConstraint's,
// computed once per schema instead of on every render.
import { getZodConstraint } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LoginSchema } from "~/schemas/auth";
import { zodConstraint } from "~/utils/form-constraint";

describe("zodConstraint", () => {
  it("gives what getZodConstraint gives, once per schema", () => {
    expect(zodConstraint(LoginSchema)).toEqual(getZodConstraint(LoginSchema));
    expect(zodConstraint(LoginSchema)).toBe(zodConstraint(LoginSchema));
    const other = z.object({ name: z.string().max(10) });
    expect(zodConstraint(other)).not.toBe(zodConstraint(LoginSchema));
    expect(zodConstraint(other)).toEqual(getZodConstraint(other));
    expect(zodConstraint(other).name?.required).toBe(true);
  });
});
