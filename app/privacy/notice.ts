/** Facts of the privacy notice that are not configuration: when it was established, and where requests are made. */

/** The day the notice was established (shown on the page, and its sitemap lastmod). Add a date when it changes. */
export const PRIVACY_NOTICE_DATE = "2026-11-30";

/**
 * The signed-in screen for disclosure, correction and deletion requests (issue 14: downloads, name corrections and
 * requests on /account). Null would make the notice say requests go to the section only and claim no screen.
 */
export const SELF_SERVICE_REQUESTS_PATH: string | null = "/account#my-data";
