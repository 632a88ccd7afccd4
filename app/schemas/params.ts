/** Route params that name a row: a positive whole number, or the page is a 404 (never a 400 or a crash). */

export function parseId(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,11}$/.test(value)) throw new Response("Not Found", { status: 404 });
  return Number(value);
}

export function idParam(params: Record<string, string | undefined>, key: string): number {
  return parseId(params[key]);
}
