// Redirect targets that come from a form (/login's and /locale's redirectTo, toasts' targets): only same-site paths,
// and never a value that cannot go into a Location header (which used to answer 500).
import { describe, expect, it } from "vitest";
import { action as localeAction } from "~/routes/locale";
import { action as loginAction } from "~/routes/login";
import { safeRedirectPath } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { callAction } from "../setup/call";
import { createUser, settle } from "../setup/http";

const ACCEPTED: Array<[string, string]> = [
  ["/staff/users", "/staff/users"],
  ["/firms?q=%E7%B2%BE%E5%AF%86&page=2", "/firms?q=%E7%B2%BE%E5%AF%86&page=2"],
  ["/firms?q=100%25", "/firms?q=100%25"],
  ["/staff/events/3/attendance?q=a%2F%2Fb#student-4", "/staff/events/3/attendance?q=a%2F%2Fb#student-4"],
  ["  /staff  ", "/staff"],
  // Characters outside ASCII are percent-encoded, so the Location header can carry them.
  ["/firms?q=精密", "/firms?q=%E7%B2%BE%E5%AF%86"],
  ["/日本語", "/%E6%97%A5%E6%9C%AC%E8%AA%9E"],
  ["/café", "/caf%C3%A9"],
  ["/a b", "/a%20b"],
];

const REFUSED: Array<[string, string]> = [
  ["protocol-relative", "//evil.example/x"],
  ["backslash host", "/\\evil.example"],
  ["backslashes", "\\\\evil.example"],
  ["backslash later", "/staff\\..\\x"],
  ["absolute URL", "https://evil.example/"],
  ["javascript:", "javascript:alert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["relative", "evil.example"],
  ["encoded //", "/%2F%2Fevil.example"],
  ["encoded / after one", "/%2fevil.example"],
  ["double-encoded //", "/%252F%252Fevil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["tab", "/\t/evil.example"],
  ["encoded tab", "/%09/evil.example"],
  ["CR LF header injection", "/staff\r\nSet-Cookie: stolen=1"],
  ["LF", "/staff\n/x"],
  ["encoded CR LF in the path", "/staff%0D%0ASet-Cookie:%20x=1"],
  ["NUL", "/staff\u0000"],
  ["DEL", "/staff\u007f"],
  ["malformed escape", "/%E0%A4%A"],
  ["empty", ""],
  ["only spaces", "   "],
  ["too long", `/${"a".repeat(3000)}`],
];

describe("safeRedirectPath", () => {
  // Only a string handed over directly can hold one: a form value arrives with it replaced by U+FFFD.
  it("refuses a lone surrogate, which cannot be percent-encoded", () => {
    expect(safeRedirectPath("/\uD800x", "/home")).toBe("/home");
  });

  it.each(ACCEPTED)("accepts %j as %j", (input, expected) => {
    expect(safeRedirectPath(input, "/home")).toBe(expected);
  });

  it.each(REFUSED)("refuses %s", (_name, input) => {
    expect(safeRedirectPath(input, "/home")).toBe("/home");
  });

  it("refuses anything that is not a string", () => {
    expect(safeRedirectPath(null, "/home")).toBe("/home");
    expect(safeRedirectPath(undefined, "/home")).toBe("/home");
    expect(safeRedirectPath(new File(["/staff"], "x.txt"), "/home")).toBe("/home");
  });

  it("only ever returns printable ASCII", () => {
    for (const [input] of [...ACCEPTED, ...REFUSED.map(([, v]) => [v])]) {
      expect(safeRedirectPath(input, "/home")).toMatch(/^[\x21-\x7e]+$/);
    }
  });
});

describe("after sign-in", () => {
  async function signInTo(redirectTo: string) {
    const user = await createUser("professor");
    const res = await settle(
      callAction(loginAction, "/login", {
        form: { email: user.email, password: user.password, redirectTo },
        context: { clientIp: `192.0.2.${Math.floor(Math.random() * 250)}` },
      }),
    );
    expect(res).toBeInstanceOf(Response);
    return res as Response;
  }

  it.each(ACCEPTED)("follows %j to %j", async (input, expected) => {
    const res = await signInTo(input);
    expect(res).toHaveRedirect(expected);
  });

  it.each(REFUSED)("goes to the role's home for %s", async (_name, input) => {
    const res = await signInTo(input);
    expect(res).toHaveRedirect("/professor");
  });
});

describe("after switching the language", () => {
  async function switchTo(redirectTo: string) {
    const res = await settle(callAction(localeAction, "/locale", { form: { locale: "en", redirectTo } }));
    expect(res).toBeInstanceOf(Response);
    return res as Response;
  }

  it.each(ACCEPTED)("follows %j to %j", async (input, expected) => {
    const res = await switchTo(input);
    expect(res).toHaveRedirect(expected);
  });

  it.each(REFUSED)("goes home for %s", async (_name, input) => {
    const res = await switchTo(input);
    expect(res).toHaveRedirect("/");
  });
});

describe("redirects with a toast", () => {
  it("encode a target with Japanese text and refuse a broken one", async () => {
    const toast = { kind: "success", key: "account.saved" } as const;
    expect((await redirectWithToast("/firms?q=赤羽", toast)).headers.get("Location")).toBe(
      "/firms?q=%E8%B5%A4%E7%BE%BD",
    );
    expect((await redirectWithToast("/x\r\nSet-Cookie: a=1", toast)).headers.get("Location")).toBe("/");
  });
});
