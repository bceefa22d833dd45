import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Text } from "@vaart/ui";
import { privatePageHeaders } from "@vaart/web/remix";
import { MessagePage } from "../components/StudioFrame";
import { formRefusal, readForm } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { endSession, requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Uitloggen");

/** Logging out is the footer's button (POST); opening the address leads back. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAuthor(request, context);
  throw redirect("/", { status: 303, headers: privatePageHeaders });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const refused = formRefusal(await readForm(request));
  if (refused) return refused;
  throw redirect("/inloggen?uitgelogd", {
    status: 303,
    headers: { ...privatePageHeaders, "Set-Cookie": await endSession(request, context) },
  });
}

export default function LogoutRefused() {
  const answer = useActionData<typeof action>();
  return (
    <MessagePage title="Niet uitgelogd">
      <Text role="alert">{answer?.message}</Text>
    </MessagePage>
  );
}
