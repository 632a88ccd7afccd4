/**
 * Plain links for where a page has many: the site chrome on every page, the firm directory's results and page links.
 * A Remix <Link> costs ~11 µs to render on the server, a <NavLink> ~20 µs and a <Form> about as much, against under
 * 1 µs for an <a> (README "Decisions", 2026-12-02). The anchors carry `data-discover`, so Remix's lazy route discovery
 * finds their targets as it finds a <Link>'s, and one `useClientNavigation()` on the element around them does in the
 * browser what each <Link> and <Form> would: a plain left click on a same-origin link, and the submission of a form,
 * go through Remix's navigate and submit, so the page changes without a reload. Without JavaScript they are the
 * links and forms they look like. Elsewhere, a single link stays a <Link>.
 */
import { useLocation, useNavigate, useSubmit } from "@remix-run/react";

/** Whether `to` is the current page or, unless `end`, one of its ancestors: <NavLink>'s rule for "active". */
export function isCurrent(pathname: string, to: string, end = false): boolean {
  return pathname === to || (!end && pathname.startsWith(to) && pathname.charAt(to.length) === "/");
}

interface ClickLike {
  defaultPrevented: boolean;
  button: number;
  metaKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
}
interface AnchorLike {
  target: string;
  origin: string;
  pathname: string;
  search: string;
  hash: string;
  hasAttribute(name: string): boolean;
}

/**
 * Where a click on `link` should take the app without a reload, or null when the browser should have it: the
 * conditions of React Router's <Link> (left button, no modifier key, no other target, no download, same origin).
 */
export function clientNavigationTarget(event: ClickLike, link: AnchorLike | null, origin: string): string | null {
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.altKey ||
    event.ctrlKey ||
    event.shiftKey ||
    (link.target && link.target !== "_self") ||
    link.hasAttribute("download") ||
    link.origin !== origin
  )
    return null;
  return link.pathname + link.search + link.hash;
}

/** Click and submit handlers for an element around plain links and forms (spread them on it). */
export function useClientNavigation() {
  const navigate = useNavigate();
  const submit = useSubmit();
  const { pathname, search, hash } = useLocation();
  return {
    onClick(event: React.MouseEvent<HTMLElement>) {
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      const to = clientNavigationTarget(event, link, window.location.origin);
      if (to === null) return;
      event.preventDefault();
      // As <Link>: a link to the page that is showing replaces it in the history instead of adding it again.
      navigate(to, { replace: to === pathname + search + hash });
    },
    onSubmit(event: React.FormEvent<HTMLElement>) {
      const form = event.target;
      // A Remix <Form> inside has already taken its own submission (and prevented the default).
      if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      submit(submitter ?? form, { method: form.method === "post" ? "post" : "get" });
    },
  };
}
