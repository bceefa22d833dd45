import type { MailTransport } from "../mail/transport.server.js";
import { checkEmail } from "../validation.js";
import type { FrozenUpdate } from "./frozen.js";
import { exampleUnsubscribeUrl, type UpdateSender, updateMail } from "./preview.server.js";
import type { UpdateSite } from "./render.js";
import { freezeUpdateFile } from "./update-files.server.js";

export const TEST_SUBJECT_PREFIX = "[TEST] ";

export class TestAddressError extends Error {
  override name = "TestAddressError";
}

/**
 * The addresses after `--test`, checked like a signup's address (each one named with what
 * is wrong); a comma-separated list counts as several. Duplicates are sent once.
 */
export function checkTestAddresses(values: readonly string[]): string[] {
  const given = values.flatMap((value) => value.split(",")).map((value) => value.trim());
  const problems: string[] = [];
  const addresses: string[] = [];
  for (const value of given.filter((v) => v !== "")) {
    const checked = checkEmail(value);
    if (!checked.ok) problems.push(`"${value}": ${checked.message}`);
    else if (!addresses.includes(checked.email)) addresses.push(checked.email);
  }
  if (problems.length > 0) {
    throw new TestAddressError(`Testadres niet goed — ${problems.join("; ")}`);
  }
  if (addresses.length === 0) {
    throw new TestAddressError(
      "Geef na --test een of meer adressen, bijvoorbeeld --test jij@example.nl",
    );
  }
  return addresses;
}

export interface TestSendReport {
  slug: string;
  subject: string;
  sent: string[];
  failed: Array<{ to: string; error: string }>;
}

/**
 * `pnpm newsletter send <file> --test <address>…`: the Update to these addresses only,
 * subject prefixed with [TEST], through the configured transport. It touches no database:
 * nothing is recorded, and the real sending of the same file is not affected.
 */
export async function sendTestUpdate(
  file: string,
  addresses: readonly string[],
  options: {
    site: UpdateSite;
    sender: UpdateSender;
    transport: MailTransport;
    repoRoot?: string;
  },
): Promise<TestSendReport> {
  const recipients = checkTestAddresses(addresses);
  const frozen = await freezeUpdateFile(file, options.site, { repoRoot: options.repoRoot });
  return sendTestMails(frozen, recipients, options);
}

/**
 * The test send of an Update already frozen (a file's or the studio's stored version):
 * to these addresses only (checked), subject prefixed with [TEST]. Records nothing.
 */
export async function sendTestMails(
  frozen: FrozenUpdate,
  addresses: readonly string[],
  options: { site: UpdateSite; sender: UpdateSender; transport: MailTransport },
): Promise<TestSendReport> {
  const recipients = checkTestAddresses(addresses);
  const report: TestSendReport = {
    slug: frozen.slug,
    subject: `${TEST_SUBJECT_PREFIX}${frozen.subject}`,
    sent: [],
    failed: [],
  };
  for (const to of recipients) {
    const mail = updateMail(
      frozen,
      options.sender,
      { to, firstName: null, unsubscribeUrl: exampleUnsubscribeUrl(options.site) },
      TEST_SUBJECT_PREFIX,
    );
    try {
      await options.transport.send(mail);
      report.sent.push(to);
    } catch (error) {
      report.failed.push({ to, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
