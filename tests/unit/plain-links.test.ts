// Plain links (app/components/plain-links.tsx): the current-page rule of <NavLink>, and which clicks are handed to
// Remix's navigate as a <Link> would hand them (the browser keeps the rest: new tabs, downloads, other sites).
import { describe, expect, it } from "vitest";
import { clientNavigationTarget, isCurrent } from "~/components/plain-links";

describe("isCurrent", () => {
  it("marks the page itself and, unless `end`, its descendants, never a mere prefix", () => {
    expect(isCurrent("/staff", "/staff", true)).toBe(true);
    expect(isCurrent("/staff/projects", "/staff", true)).toBe(false);
    expect(isCurrent("/staff/projects", "/staff/projects")).toBe(true);
    expect(isCurrent("/staff/projects/3/hosts", "/staff/projects")).toBe(true);
    expect(isCurrent("/staff/projects-archive", "/staff/projects")).toBe(false);
    expect(isCurrent("/firms", "/firm")).toBe(false);
    expect(isCurrent("/", "/firms")).toBe(false);
  });
});

describe("clientNavigationTarget", () => {
  const origin = "http://localhost:3000";
  const click = { defaultPrevented: false, button: 0, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false };
  const link = (href: string, attributes: Record<string, string> = {}) => {
    const url = new URL(href, origin);
    return {
      target: attributes.target ?? "",
      origin: url.origin,
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
      hasAttribute: (name: string) => name in attributes,
    };
  };

  it("hands a plain left click on a same-origin link to the app, with its query and fragment", () => {
    expect(clientNavigationTarget(click, link("/firms?page=2#results"), origin)).toBe("/firms?page=2#results");
    expect(clientNavigationTarget(click, link("/firms/3", { target: "_self" }), origin)).toBe("/firms/3");
  });

  it("leaves the browser every other click", () => {
    expect(clientNavigationTarget(click, null, origin)).toBeNull();
    for (const modifier of ["metaKey", "altKey", "ctrlKey", "shiftKey"])
      expect(clientNavigationTarget({ ...click, [modifier]: true }, link("/firms"), origin), modifier).toBeNull();
    expect(clientNavigationTarget({ ...click, button: 1 }, link("/firms"), origin)).toBeNull();
    expect(clientNavigationTarget({ ...click, defaultPrevented: true }, link("/firms"), origin)).toBeNull();
    expect(clientNavigationTarget(click, link("/firms", { target: "_blank" }), origin)).toBeNull();
    expect(clientNavigationTarget(click, link("/account/data.csv", { download: "" }), origin)).toBeNull();
    expect(clientNavigationTarget(click, link("https://example.org/firms"), origin)).toBeNull();
  });
});
