/** Route params that name a row: a positive whole number, or the page is a 404 (never a 400 or a crash). */
import { invariantResponse } from "~/utils/invariant";

export function parseId(value: string | undefined): number {
  invariantResponse(value && /^[1-9]\d{0,11}$/.test(value));
  return Number(value);
}

export function idParam(params: Record<string, string | undefined>, key: string): number {
  return parseId(params[key]);
}
