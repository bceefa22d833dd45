import { newsletterPaths } from "@vaart/content/site";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import { formatDutchDate } from "@vaart/ui/format";
import type { SignupFormData, SignupOutcome } from "@vaart/web/signup-form";
import { SignupSection } from "../components/SignupSection";
import { SitePage } from "../components/SiteFrame";

/** One sent Update in the archive's list (what the loader gives; no body). */
export interface ArchiveEntry {
  slug: string;
  subject: string;
  preheader: string | null;
  /** The Update's own date, YYYY-MM-DD. */
  date: string;
}

export function archivePath(slug: string): string {
  return `${newsletterPaths.archive}/${slug}`;
}

/**
 * `/nieuwsbrief/archief`: every Update that was sent, newest first, each with its subject
 * (a link to its web version), date and preheader; then the signup form.
 */
export function ArchivePage({
  updates,
  form,
  outcome,
}: {
  updates: readonly ArchiveEntry[];
  form: SignupFormData;
  outcome?: SignupOutcome | undefined;
}) {
  return (
    <SitePage currentPath={newsletterPaths.archive}>
      <Stack space="xl">
        <Stack space="lg">
          <Heading level={1}>Archief van de Updates</Heading>
          <Text>
            Alle Updates die ik heb verstuurd, de nieuwste bovenaan: precies zoals ze in de mailbox
            kwamen. Volg ze ook met de <Link href={newsletterPaths.archiveFeed}>RSS-feed</Link>.
          </Text>
        </Stack>
        {updates.length === 0 ? (
          <Text>Er is nog geen Update verstuurd. De eerste komt binnenkort.</Text>
        ) : (
          <Stack space="xl">
            {updates.map((update) => (
              <article key={update.slug}>
                <Stack space="xs">
                  <Heading level={2} size={3}>
                    <Link href={archivePath(update.slug)}>{update.subject}</Link>
                  </Heading>
                  <Text size="small" tone="muted">
                    <time dateTime={update.date}>{formatDutchDate(update.date)}</time>
                  </Text>
                  {update.preheader ? <Text>{update.preheader}</Text> : null}
                </Stack>
              </article>
            ))}
          </Stack>
        )}
      </Stack>
      <SignupSection action={newsletterPaths.archive} form={form} outcome={outcome} />
    </SitePage>
  );
}
