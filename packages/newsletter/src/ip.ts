import { isIP } from "node:net";

/** Anything longer is not one address (e.g. a whole X-Forwarded-For list). */
const MAX_IP_INPUT = 100;

/** Eight 16-bit groups of an IPv6 address (net.isIP must have accepted it). */
function expandIpv6(v6: string): number[] | null {
  let text = v6;
  // An IPv4 tail (::ffff:1.2.3.4, ::1.2.3.4) becomes two groups.
  const tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) =>
    part ? part.split(":").map((g) => Number.parseInt(g, 16)) : [];
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [
    ...head,
    ...new Array<number>(halves.length === 2 ? missing : 0).fill(0),
    ...rest,
  ];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

/**
 * One client address in a canonical form, or null when `ip` is not exactly one address.
 *
 * - IPv4 stays dotted (`1.2.3.4`; a port as in `1.2.3.4:5678` is stripped);
 * - IPv6 is expanded to eight groups without leading zeros (`2001:db8:0:0:0:0:0:1`), so
 *   every spelling of one address is one string; `[::1]:80` loses brackets and port, a
 *   zone (`%eth0`) is dropped;
 * - IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes the IPv4 address;
 * - anything else (a host name, a whole X-Forwarded-For list, garbage) → null.
 */
export function normaliseIp(ip: unknown): string | null {
  if (typeof ip !== "string" || ip.length > MAX_IP_INPUT) return null;
  let v = ip.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(v);
  if (bracketed?.[1]) v = bracketed[1];
  else {
    const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(v);
    if (v4port?.[1]) v = v4port[1];
  }
  v = v.replace(/%[A-Za-z0-9_.-]+$/, "");
  const kind = isIP(v);
  if (kind === 4) return v;
  if (kind !== 6) return null;
  const groups = expandIpv6(v.toLowerCase());
  if (!groups) return null;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return groups.map((g) => g.toString(16)).join(":");
}

/**
 * The rate-limit bucket of a normalised address: IPv4 per address, IPv6 per /64 (one
 * household or host usually has a whole /64).
 */
export function ipBucket(normalised: string): string {
  if (!normalised.includes(":")) return `ip:${normalised}`;
  return `ip6:${normalised.split(":").slice(0, 4).join(":")}`;
}

/**
 * The network of a normalised address, for the per-network limit: IPv4 per /24, IPv6 per
 * /48 (what one provider customer or one hosting box usually gets). A few addresses from
 * one network count together, so renting neighbouring addresses gains an abuser little.
 */
export function networkBucket(normalised: string): string {
  if (!normalised.includes(":")) return `net4:${normalised.split(".").slice(0, 3).join(".")}`;
  return `net6:${normalised.split(":").slice(0, 3).join(":")}`;
}
