/**
 * The visitor's address as configured: the socket address when no proxy is trusted, else
 * the X-Forwarded-For entry appended by the nearest trusted proxy chain. The first entry is
 * whatever the client sent and is never used. Returns null when the chain is shorter than
 * the configured hops (a misconfiguration or a request that bypassed the proxy).
 */
export function clientIp(options: {
  forwardedFor: string | null | undefined;
  socketAddress: string | null | undefined;
  trustProxyHops: number;
}): string | null {
  const { forwardedFor, socketAddress, trustProxyHops } = options;
  if (trustProxyHops <= 0) return socketAddress || null;
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustProxyHops] ?? null;
}
