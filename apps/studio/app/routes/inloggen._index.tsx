import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, Heading, NoticeBanner, Stack, Text, TextField } from "@vaart/ui";
import { privatePageHeaders, requestInfo } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { StudioFrame } from "../components/StudioFrame";
import { formRefusal, formToken, readForm } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioLogin } from "../lib/login.server";
import { studioMeta } from "../lib/meta";
import { currentAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Inloggen");

export async function loader({ request, context }: LoaderFunctionArgs) {
  if ((await currentAuthor(request, context)) !== null) {
    throw redirect("/", { status: 303, headers: privatePageHeaders });
  }
  const loggedOut = new URL(request.url).searchParams.has("uitgelogd");
  return data({ formToken: formToken(), loggedOut }, { headers: privatePageHeaders });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const refused = formRefusal(form);
  if (refused) return refused;
  const posted = form?.get("email");
  const email = typeof posted === "string" ? posted.slice(0, 320) : "";
  const result = await studioLogin(request, context).requestLink(email, {
    ip: requestInfo(context).clientIp,
  });
  if (result.status === "sent") {
    throw redirect("/inloggen/controleer-je-mailbox", { status: 303, headers: privatePageHeaders });
  }
  if (result.status === "rate-limited") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return data(
      {
        email,
        message: `Er is al een paar keer om een link gevraagd. Probeer het over ${minutes} ${minutes === 1 ? "minuut" : "minuten"} opnieuw.`,
      },
      {
        status: 429,
        headers: { ...privatePageHeaders, "Retry-After": String(result.retryAfterSeconds) },
      },
    );
  }
  return data({ email, message: result.message }, { status: 400, headers: privatePageHeaders });
}

export default function LoginPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const error = answer?.message;
  return (
    <StudioFrame>
      <Stack space="lg">
        <Heading level={1}>Inloggen in de studio</Heading>
        {page.loggedOut && !answer ? (
          <NoticeBanner title="Je bent uitgelogd">Tot de volgende keer.</NoticeBanner>
        ) : null}
        <Text>
          Vul je e-mailadres in. Hoort het bij een auteur, dan krijg je een link waarmee je inlogt.
          Een wachtwoord is niet nodig.
        </Text>
        {error ? <ErrorSummary errors={[{ fieldId: "email", message: error }]} /> : null}
        <form method="post" action="/inloggen">
          <Stack space="md">
            <FormToken value={page.formToken} />
            <TextField
              id="email"
              name="email"
              type="email"
              label="E-mailadres"
              autoComplete="email"
              defaultValue={answer && "email" in answer ? answer.email : ""}
              error={error}
              required
            />
            <div>
              <Button type="submit">Stuur mij een inloglink</Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </StudioFrame>
  );
}
