/**
 * Reads a JSON request body for the wallet exchange API with a size cap: a presentation is a few kilobytes, so
 * anything over the cap is refused (413) before it is parsed, and malformed JSON is a 400, never a crash.
 */
export const MAX_JSON_BODY = 64 * 1024;

export type JsonBody =
  { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: "malformedJson" | "tooLarge" };

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY): Promise<JsonBody> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) return { ok: false, status: 413, error: "tooLarge" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, status: 413, error: "tooLarge" };
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  // VC-API clients may start an exchange with an empty body as well as with {}.
  if (!text) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, error: "malformedJson" };
  }
}
