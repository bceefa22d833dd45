import { newsletterPaths } from "@vaart/content/site";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import type { SignupFormData, SignupOutcome } from "@vaart/web/signup-form";
import { SignupSection } from "../components/SignupSection";
import { SitePage } from "../components/SiteFrame";

/**
 * `/nieuwsbrief`: what the Updates are, then the signup form. After a failed post the
 * server answers the same page with the errors and the values (`outcome`).
 */
export function NewsletterPage({
  form,
  outcome,
}: {
  form: SignupFormData;
  outcome?: SignupOutcome | undefined;
}) {
  return (
    <SitePage currentPath={newsletterPaths.signup}>
      <Stack space="lg">
        <Heading level={1}>Nieuwsbrief: de ‘Updates’</Heading>
        <Text>
          Eens per twee maanden een mail met wat ik tegenkom in teams en ketens: een inzicht, een
          werkvorm om zelf te proberen en nieuwe artikelen. Je gegevens gebruik ik alleen daarvoor;
          ik deel ze met niemand.
        </Text>
        <Text>
          Na het aanmelden krijg je eerst een mail met een bevestigingsknop. Pas als je daarop
          drukt, ben je aangemeld. Onder elke Update staat een link om je af te melden.
        </Text>
        <Text>
          Benieuwd hoe een Update eruitziet? Lees de eerdere in het{" "}
          <Link href={newsletterPaths.archive}>Archief</Link>.
        </Text>
      </Stack>
      <SignupSection action={newsletterPaths.signup} form={form} outcome={outcome} />
    </SitePage>
  );
}
