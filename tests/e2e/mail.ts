// Reading what the server under test mailed, from the mail catcher of global-setup.ts.
import { inject } from "vitest";
import type { CaughtMail } from "./global-setup";

export type { CaughtMail };

async function mailsTo(address: string, after: number): Promise<CaughtMail[]> {
  const url = new URL("/mails", inject("mailCatcherURL"));
  url.searchParams.set("to", address);
  url.searchParams.set("after", String(after));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  return response.json() as Promise<CaughtMail[]>;
}

/** The id of the newest mail caught so far: pass it as `after` to wait only for mail sent from now on. */
export async function mailCursor(): Promise<number> {
  const url = new URL("/mails", inject("mailCatcherURL"));
  const all = (await (await fetch(url)).json()) as CaughtMail[];
  return all.at(-1)?.id ?? 0;
}

/**
 * The newest mail to `address` (after the mail with id `after`), waiting for the outbox to deliver it: the server
 * delivers every 5 s, so the default wait covers a couple of passes.
 */
export async function waitForMail(
  address: string,
  { after = 0, timeoutMs = 20_000 }: { after?: number; timeoutMs?: number } = {},
): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(address, after);
    if (mails.length) return mails.at(-1)!;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in a mail's text whose path starts with `pathPrefix` (e.g. "/invitations/"), as a path. */
export function linkIn(mail: CaughtMail, pathPrefix: string): string {
  const escaped = pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`https?://[^\\s/]+(${escaped}[A-Za-z0-9._~%-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${pathPrefix} link in the mail to ${mail.to.join(", ")}:\n${mail.text}`);
  return match[1];
}
