/** What `api-mock` prints when it stops (stderr), and as the last NDJSON line with --json. */
export interface ApiMockSummary {
  requests: number;
  /** Successful logins, and refused ones. */
  logins: number;
  loginsRefused: number;
  /** Metadata calls answered 200. */
  metadata: number;
  /** Files served through a valid pre-signed link. */
  downloads: number;
  /** Downloads refused because the link had expired. */
  expiredLinks: number;
  /** url-only documents served. */
  urlDocuments: number;
}
