import { newsletterPaths } from "@vaart/content/site";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import { SitePage } from "../components/SiteFrame";

/** `/nieuwsbrief/bijna-klaar`: where a successful signup lands (post/redirect/get). */
export function ThanksPage() {
  return (
    <SitePage currentPath={newsletterPaths.thanks}>
      <Stack space="lg">
        <Heading level={1}>Bijna klaar: check je mailbox</Heading>
        <Text>
          Ik heb je een e-mail gestuurd. Druk op de knop in die mail om je aanmelding te bevestigen.
          Pas daarna ontvang je de ‘Updates’.
        </Text>
        <Text>
          Niets ontvangen? Kijk ook even in je map met ongewenste mail, of{" "}
          <Link href={newsletterPaths.requestNew}>vraag een nieuwe bevestigingsmail aan</Link>.
        </Text>
        <Text>
          <Link href="/artikelen">Verder lezen in de artikelen</Link>
        </Text>
      </Stack>
    </SitePage>
  );
}
