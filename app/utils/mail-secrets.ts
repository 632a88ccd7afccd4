/**
 * Secret links in stored mail. A mail that carries a live token (an invitation or a host-answer link) is stored with
 * a placeholder where the link goes, and the link itself apart, encrypted (see outbox.server.ts). Delivery puts the
 * link back; the staff mailbox shows the placeholder as a translated "link hidden". Client-safe: the mailbox page
 * splits bodies with it.
 */

const NAME = /^[a-z][a-z0-9_]{0,31}$/;
const PLACEHOLDER = /\[\[secret:([a-z][a-z0-9_]{0,31})\]\]/g;

/** What stands in the body for the secret called `name` (pass it to the mail text as the link). */
export function secretPlaceholder(name: string): string {
  if (!NAME.test(name)) throw new Error(`not a secret name: ${name}`);
  return `[[secret:${name}]]`;
}

/** The body with each placeholder of a known secret replaced by its value; unknown ones stay as they are. */
export function fillSecrets(body: string, secrets: Readonly<Record<string, string>>): string {
  return body.replace(PLACEHOLDER, (placeholder, name: string) =>
    Object.hasOwn(secrets, name) ? secrets[name] : placeholder,
  );
}

/** The additional data the sealed links are bound to: their recipient, so copied to another row they do not open. */
export function sealContextOf(to: string): string {
  return `outbox:${to}`;
}

export type BodyPart = { text: string } | { secret: string };

/** The body as text and placeholders, in order, for showing it with the links hidden. */
export function splitSecrets(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let at = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (match.index > at) parts.push({ text: body.slice(at, match.index) });
    parts.push({ secret: match[1] });
    at = match.index + match[0].length;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return parts;
}
