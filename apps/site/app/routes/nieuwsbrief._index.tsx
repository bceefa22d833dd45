import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { Heading, Stack, Text } from "@vaart/ui";
import { handleSignup, signupFormData } from "@vaart/web";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, pageHeaders, requestInfo } from "@vaart/web/remix";
import { SignupSection } from "../components/SignupSection";
import { SitePage } from "../components/SiteFrame";
import { siteOrigin } from "../lib/seo";

export const headers = pageHeaders;

export async function loader({ context }: LoaderFunctionArgs) {
  return data({ form: signupFormData(), origin: siteOrigin(context) }, { headers: contentCache });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleSignup(request, requestInfo(context), {
    source: newsletterPaths.signup,
    thanksPath: newsletterPaths.thanks,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData
    ? pageMeta({
        title: "Nieuwsbrief",
        description:
          "Meld je gratis aan voor de tweemaandelijkse ‘Updates’ over persoonlijke en teamontwikkeling. Afmelden kan altijd weer.",
        url: `${loaderData.origin}${newsletterPaths.signup}`,
      })
    : [];

export default function NewsletterPage() {
  const { form } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
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
      </Stack>
      <SignupSection action={newsletterPaths.signup} form={form} outcome={outcome} />
    </SitePage>
  );
}
