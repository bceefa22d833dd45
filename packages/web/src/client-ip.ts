/**
 * The visitor's address as configured: the socket address when no proxy is trusted, else
 * the X-Forwarded-For entry appended by the nearest trusted proxy chain. The first entry is
 * whatever the client sent and is never used. When the chain is shorter than the configured
 * hops (a request that bypassed the proxy, or a misconfiguration), the socket address: the
 * nearest peer, so such a request is still limited. (A client that reaches the port directly
 * and writes a long enough X-Forwarded-For can still choose its address: only the proxy may
 * reach the port — docs/deploy.md.)
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
  return entries[entries.length - trustProxyHops] ?? (socketAddress || null);
}
