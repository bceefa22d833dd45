import { join } from "node:path";
import { mailTo as mailInOutbox } from "@vaart/testing";
import { testSettings } from "./server";

export { expectNoAxeViolations, linkIn } from "@vaart/testing";

export const baseUrl = () => {
  const url = process.env.LANDING_TEST_URL;
  if (!url) throw new Error("LANDING_TEST_URL is not set: run through playwright.config.ts");
  return url;
};

export const examples = {
  published: "webinar-ketensamenwerking",
  draft: "workshop-teamontwikkeling",
  expired: "whitepaper-ketenregie",
} as const;

export const previewQuery = `?voorbeeld=${testSettings.previewToken}`;

/** The decoded mail sent to `address`, from the test server's outbox. */
export function mailTo(address: string): Promise<string> {
  return mailInOutbox(join(process.env.LANDING_TEST_DATA_DIR ?? "", "outbox"), address, 20_000);
}
