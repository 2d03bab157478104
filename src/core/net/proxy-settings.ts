/**
 * Which proxy a request goes through, decided the way curl, npm and undici decide it (the table is
 * in the README, "Proxies"): https targets use https_proxy / HTTPS_PROXY, http targets http_proxy /
 * HTTP_PROXY (undici reads the upper-case form too, curl does not), NO_PROXY names the exceptions,
 * and `--proxy` replaces the *_proxy variables (`--proxy ''` turns the proxy off).
 */
export interface ProxySettings {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
  /** `--proxy`: replaces the *_proxy variables; the empty string means no proxy. */
  flag?: string;
}

/** Reads the proxy variables from an environment (the CLI passes process.env). */
export function proxySettingsFromEnv(env: Record<string, string | undefined>, flag?: string): ProxySettings {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
  return {
    httpsProxy: pick('https_proxy', 'HTTPS_PROXY'),
    httpProxy: pick('http_proxy', 'HTTP_PROXY'),
    noProxy: pick('no_proxy', 'NO_PROXY'),
    ...(flag !== undefined ? { flag } : {}),
  };
}
