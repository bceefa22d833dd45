import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { LinkState } from "@vaart/newsletter";
import { Button, Heading, Link, Stack, Text } from "@vaart/ui";
import { privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { StudioFrame } from "../components/StudioFrame";
import { formRefusal, formToken, readForm } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioLogin } from "../lib/login.server";
import { studioMeta } from "../lib/meta";
import { sessionCookie } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Inloggen met je link");

const refusals: Record<Exclude<LinkState, "valid">, { title: string; message: string }> = {
  used: {
    title: "Deze link is al gebruikt",
    message: "Een inloglink werkt één keer. Vraag een nieuwe aan.",
  },
  expired: {
    title: "Deze link is verlopen",
    message: "Een inloglink werkt een kwartier lang. Vraag een nieuwe aan.",
  },
  unknown: {
    title: "Deze link kennen we niet",
    message: "Kopieer de hele link uit de mail, of vraag een nieuwe aan.",
  },
};

/** GET changes nothing: mail scanners open links. The button (POST) logs in. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const state = await studioLogin(request, context).describeLink(params.token);
  return data(
    { state, formToken: formToken() },
    { status: state === "valid" ? 200 : 410, headers: privatePageHeaders },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const refused = formRefusal(form);
  if (refused) return refused;
  const result = await studioLogin(request, context).useLink(params.token);
  if (result.status === "ok") {
    throw redirect("/", {
      status: 303,
      headers: { ...privatePageHeaders, "Set-Cookie": sessionCookie(context, result.sessionId) },
    });
  }
  return data({ state: result.status }, { status: 410, headers: privatePageHeaders });
}

export default function LinkPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer && "refused" in answer) {
    return (
      <StudioFrame>
        <Stack space="lg">
          <Heading level={1}>Niet ingelogd</Heading>
          <Text role="alert">{answer.message}</Text>
        </Stack>
      </StudioFrame>
    );
  }
  const state = answer?.state ?? page.state;
  if (state !== "valid") {
    const refusal = refusals[state];
    return (
      <StudioFrame>
        <Stack space="lg">
          <Heading level={1}>{refusal.title}</Heading>
          <Text>{refusal.message}</Text>
          <Text>
            <Link href="/inloggen">Vraag een nieuwe inloglink aan</Link>
          </Text>
        </Stack>
      </StudioFrame>
    );
  }
  return (
    <StudioFrame>
      <Stack space="lg">
        <Heading level={1}>Inloggen in de studio</Heading>
        <Text>Druk op de knop om in te loggen. De link werkt daarna niet meer.</Text>
        <form method="post">
          <FormToken value={page.formToken} />
          <Button type="submit">Inloggen</Button>
        </form>
      </Stack>
    </StudioFrame>
  );
}
