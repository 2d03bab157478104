/** How long doctor waits for the download by default (--documents-wait), in seconds. */
export const DEFAULT_DOCUMENTS_WAIT_SECONDS = 30;

/** How long a download link stays valid by default (--link-ttl): Tradecloud's "about a minute". */
export const DEFAULT_LINK_TTL_SECONDS = 60;
