/** Facts of the privacy notice that are not configuration: when it was established, and where requests are made. */

/** The day the notice was established (shown on the page, and its sitemap lastmod). Add a date when it changes. */
export const PRIVACY_NOTICE_DATE = "2026-11-30";

/**
 * The signed-in screen for disclosure, correction and deletion requests, once it exists. Until then the notice
 * says requests go to the section and claims no screen (null).
 */
export const SELF_SERVICE_REQUESTS_PATH: string | null = null;
