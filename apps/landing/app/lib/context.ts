import type { VaartLoadContext } from "@vaart/web";

/** What the production server passes to routes; `pnpm dev` passes nothing. */
export function requestInfo(context: Partial<VaartLoadContext>) {
  return { clientIp: context.clientIp ?? null };
}
