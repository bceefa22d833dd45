import type { MetaFunction } from "@remix-run/node";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import { StudioFrame } from "../components/StudioFrame";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Kijk in je mailbox");

/** The same page for every address: it does not say whether the address is an author's. */
export default function CheckMailboxPage() {
  return (
    <StudioFrame>
      <Stack space="lg">
        <Heading level={1}>Kijk in je mailbox</Heading>
        <Text>
          Hoort het adres bij een auteur, dan staat er binnen een paar minuten een mail met een
          inloglink in je mailbox. De link werkt één keer en een kwartier lang.
        </Text>
        <Text>
          Geen mail gekregen? Kijk ook bij de ongewenste mail, of{" "}
          <Link href="/inloggen">vraag een nieuwe link aan</Link>.
        </Text>
      </Stack>
    </StudioFrame>
  );
}
