/** Variables every gateway may need whatever its platform: the system's basics, TLS and proxies, AOS settings. */
const PASS_THROUGH = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TERM|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy|ALL_PROXY|all_proxy|AOS_[A-Z0-9_]+)$/;

/**
 * A child's environment: the pass-through basics of the runner's own, then the instance's `env`.
 * Least privilege: one instance never sees another's token, nor anything else the runner holds.
 */
export function childEnv(parent: Record<string, string | undefined>, own: Record<string, string>): Record<string, string> {
  // A caller's deadline is for one command, not for a daemon the runner keeps alive.
  const base = Object.entries(parent).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && PASS_THROUGH.test(entry[0]) && entry[0] !== 'AOS_TIMEOUT_MS',
  );
  return { ...Object.fromEntries(base), ...own };
}
