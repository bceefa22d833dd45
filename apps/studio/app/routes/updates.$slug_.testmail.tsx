import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TestAddressError } from "@vaart/newsletter/updates";
import {
  Button,
  ErrorSummary,
  Heading,
  Link,
  NoticeBanner,
  Stack,
  Text,
  TextField,
} from "@vaart/ui";
import { getNewsletter } from "@vaart/web";
import { privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { ProblemList } from "../components/ProblemList";
import { StudioFrame } from "../components/StudioFrame";
import { authorsForm, formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";
import { originText, renderedUpdate } from "../lib/update-mail.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Testmail sturen");

const addressesId = "adressen";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const { update, problems } = await renderedUpdate(params.slug ?? "");
  const sent = new URL(request.url).searchParams.get("verstuurd");
  return data(
    {
      author,
      formToken: formToken(),
      slug: update.slug,
      origin: originText(update),
      problems,
      sent: sent && /^\d{1,3}$/.test(sent) ? Number(sent) : null,
    },
    { headers: privatePageHeaders },
  );
}

/** The newsletter's test send: to the typed addresses only, subject [TEST], nothing recorded. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { form, refusal } = await authorsForm(request, context);
  if (refusal) return refusal;
  const posted = form.get("adressen");
  const typed = typeof posted === "string" ? posted.slice(0, 2000) : "";
  const { update, frozen } = await renderedUpdate(params.slug ?? "");
  const again = (status: number, message: string) =>
    data({ refused: false as const, typed, message }, { status, headers: privatePageHeaders });
  if (!frozen) return again(422, "Deze versie heeft nog fouten; herstel die eerst.");
  try {
    const report = await getNewsletter().updates.sendTest(frozen, typed.split(/[\s,;]+/));
    if (report.failed.length > 0) {
      return again(
        502,
        `Niet verstuurd naar ${report.failed.map((failure) => `${failure.to} (${failure.error})`).join(", ")}${report.sent.length > 0 ? `; wel naar ${report.sent.join(", ")}` : ""}.`,
      );
    }
    throw redirect(`/updates/${update.slug}/testmail?verstuurd=${report.sent.length}`, {
      status: 303,
      headers: privatePageHeaders,
    });
  } catch (error) {
    if (error instanceof TestAddressError) return again(400, error.message);
    throw error;
  }
}

export default function TestMailPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const error = answer && !answer.refused ? answer.message : undefined;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Heading level={1}>Testmail sturen</Heading>
        {answer?.refused ? (
          <div role="status">
            <NoticeBanner title="Let op">{answer.message}</NoticeBanner>
          </div>
        ) : null}
        {page.sent !== null && !answer ? (
          <div role="status">
            <NoticeBanner title="Gelukt">
              Testmail verstuurd naar {page.sent} {page.sent === 1 ? "adres" : "adressen"}, met
              [TEST] voor het onderwerp.
            </NoticeBanner>
          </div>
        ) : null}
        {error ? <ErrorSummary errors={[{ fieldId: addressesId, message: error }]} /> : null}
        <Text>
          Stuurt {page.origin} van <strong>{page.slug}</strong> alleen naar de adressen die je
          hieronder typt, met [TEST] voor het onderwerp. Er wordt niets vastgelegd: de abonnees
          krijgen niets, en het echte versturen verandert niet.
        </Text>
        {page.problems ? (
          <ProblemList title="Deze versie kan nog niet verstuurd worden" problems={page.problems} />
        ) : (
          <form method="post" action={`/updates/${page.slug}/testmail`}>
            <Stack space="md">
              <FormToken value={page.formToken} />
              <TextField
                id={addressesId}
                name="adressen"
                label="E-mailadressen"
                hint="Een of meer, gescheiden door komma’s."
                autoComplete="off"
                defaultValue={answer && !answer.refused ? answer.typed : ""}
                error={error}
              />
              <div>
                <Button type="submit">Testmail sturen</Button>
              </div>
            </Stack>
          </form>
        )}
        <Text>
          <Link href={`/updates/${page.slug}`}>Terug naar de Update</Link>
        </Text>
      </Stack>
    </StudioFrame>
  );
}
