import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button, Heading, Stack, Text } from "@vaart/ui";
import { privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { StudioFrame } from "../components/StudioFrame";
import { formRefusal, formToken, readForm } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { endSession, requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Uitloggen");

/** Logging out is a POST (the footer's button, or this page's); GET changes nothing. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  return data({ author, formToken: formToken() }, { headers: privatePageHeaders });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const refused = formRefusal(await readForm(request));
  if (refused) return refused;
  throw redirect("/inloggen?uitgelogd", {
    status: 303,
    headers: { ...privatePageHeaders, "Set-Cookie": await endSession(request, context) },
  });
}

export default function LogoutPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Heading level={1}>Uitloggen</Heading>
        {answer ? (
          <Text role="alert">{answer.message}</Text>
        ) : (
          <Text>Je bent ingelogd als {page.author}.</Text>
        )}
        <form method="post" action="/uitloggen">
          <FormToken value={page.formToken} />
          <Button type="submit">Uitloggen</Button>
        </form>
      </Stack>
    </StudioFrame>
  );
}
