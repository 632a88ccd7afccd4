/** The open-data licence: CC BY 4.0, as Japanese municipalities use for their open data. Client-safe. */
export const CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/";
export const CC_BY_URL_JA = "https://creativecommons.org/licenses/by/4.0/deed.ja";
