/**
 * gBizINFO, the national corporate register's REST API: looks up a corporate number so staff need not retype a new
 * firm's name, reading and address. Offered only when GBIZINFO_API_TOKEN is set; every failure is an answer
 * (never an exception) so the form can say what happened and still be filled in by hand.
 */
import { config } from "./env.server";
import { KITA_TOWNS, type TownKey } from "./kita";

export interface FoundCorporation {
  name: string;
  name_kana: string | null;
  postal_code: string | null; // "115-0045"
  town: TownKey | null; // when the address is in Kita-ku
  address: string; // the rest of the address (after the town), or the whole location outside Kita-ku
}

export type LookupResult =
  { status: "found"; corporation: FoundCorporation } | { status: "not_found" | "error" | "timeout" | "unconfigured" };

export function isLookupConfigured(): boolean {
  return Boolean(config().gbizinfoApiToken);
}

export async function lookupCorporation(corporateNumber: string): Promise<LookupResult> {
  const { gbizinfoApiUrl, gbizinfoApiToken, gbizinfoTimeoutMs } = config();
  if (!gbizinfoApiToken) return { status: "unconfigured" };
  let response: Response;
  try {
    response = await fetch(`${gbizinfoApiUrl}/v1/hojin/${encodeURIComponent(corporateNumber)}`, {
      headers: { Accept: "application/json", "X-hojinInfo-api-token": gbizinfoApiToken },
      signal: AbortSignal.timeout(gbizinfoTimeoutMs),
    });
  } catch (error) {
    return { status: error instanceof Error && error.name === "TimeoutError" ? "timeout" : "error" };
  }
  if (response.status === 404) return { status: "not_found" };
  if (!response.ok) return { status: "error" };
  try {
    const body = (await response.json()) as { "hojin-infos"?: Array<Record<string, unknown>> };
    const info = body["hojin-infos"]?.find((h) => h.corporate_number === corporateNumber) ?? body["hojin-infos"]?.[0];
    if (!info || typeof info.name !== "string") return { status: "not_found" };
    return { status: "found", corporation: toCorporation(info) };
  } catch (error) {
    // The body can time out too, or not be JSON.
    return { status: error instanceof Error && error.name === "TimeoutError" ? "timeout" : "error" };
  }
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

function toCorporation(info: Record<string, unknown>): FoundCorporation {
  const postal = text(info.postal_code)?.normalize("NFKC").replace(/\D/g, "");
  return {
    name: String(info.name).trim(),
    name_kana: text(info.kana),
    postal_code: postal && postal.length === 7 ? `${postal.slice(0, 3)}-${postal.slice(3)}` : null,
    ...splitKitaAddress(text(info.location) ?? ""),
  };
}

// Longest names first, so 赤羽西 wins over 赤羽 and 王子本町 over 王子.
const TOWNS_LONGEST_FIRST = [...KITA_TOWNS].sort((a, b) => b.ja.length - a.ja.length);
const fold = (s: string) => s.replace(/ヶ/g, "ケ");

/**
 * "東京都北区赤羽西1丁目2番3号" → town akabane_nishi, address "1丁目2番3号". Outside Kita-ku, or when no town
 * name follows 北区, the town stays empty and the address is the whole location for staff to correct.
 */
export function splitKitaAddress(location: string): { town: TownKey | null; address: string } {
  const normalized = location.normalize("NFKC").trim();
  const inKita = normalized.match(/^(?:東京都)?\s*北区\s*(.*)$/u);
  if (inKita) {
    const rest = fold(inKita[1]);
    const town = TOWNS_LONGEST_FIRST.find((t) => rest.startsWith(fold(t.ja)));
    if (town) return { town: town.key, address: rest.slice(town.ja.length).trim() };
  }
  return { town: null, address: normalized };
}
