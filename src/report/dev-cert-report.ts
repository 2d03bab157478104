/** What `tc-webhook dev-cert` made, as `--json` prints it. */
export interface DevCertReport {
  ok: true;
  /** The folder, as given (relative to the working directory unless absolute). */
  dir: string;
  names: string[];
  expiresAt: string;
  /** Earlier dev-cert files in the folder were replaced. */
  replaced: boolean;
  files: { ca: string; caKey: string; cert: string; key: string; manifest: string };
  /** The flags that use these files: `listen` serves the certificate, the other commands trust the CA. */
  flags: { listen: string; trust: string };
}
