/** The annual report's fiscal year, from the URL path or the year selector (client-safe). */
import { z } from "zod";
import { invariantResponse } from "~/utils/invariant";

export const FiscalYearSchema = z.coerce.number().int().min(2000).max(2100);

/** A `:fiscalYear` path segment: digits only, within 2000–2100, or 404. */
export function fiscalYearParam(value: string | undefined): number {
  const parsed = FiscalYearSchema.safeParse(value);
  invariantResponse(value && /^\d{4}$/.test(value) && parsed.success);
  return parsed.data;
}
