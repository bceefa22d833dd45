import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button, Heading, Link, NoticeBanner, Stack, Text } from "@vaart/ui";
import { getNewsletter } from "@vaart/web";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { ProblemList } from "../components/ProblemList";
import { StudioFrame } from "../components/StudioFrame";
import { authorsForm, formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";
import { confirmedSubscribers, updateToSend } from "../lib/update-editor.server";
import { freezeText, originText } from "../lib/update-mail.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Update versturen");

/** What would be sent, to how many: the confirmation step (GET changes nothing). */
async function sendingPlan(slug: string) {
  const planned = await updateToSend(slug);
  const started = (await getNewsletter().updates.progress(slug)).length > 0;
  if (planned.text === null) {
    return {
      slug,
      started,
      newerDraft: planned.newerDraft,
      origin: null,
      frozen: null,
      problems: null,
    };
  }
  const { update, frozen, problems } = freezeText(planned);
  return {
    slug,
    started,
    newerDraft: planned.newerDraft,
    origin: originText(update),
    frozen,
    problems,
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const slug = params.slug ?? "";
  const plan = await sendingPlan(slug);
  if (plan.origin === null && plan.newerDraft === null) throw notFound(privatePageHeaders);
  return data(
    {
      author,
      formToken: formToken(),
      slug,
      started: plan.started,
      origin: plan.origin,
      subject: plan.frozen?.subject ?? null,
      problems: plan.problems,
      newerDraft: plan.newerDraft,
      recipients: await confirmedSubscribers(),
    },
    { headers: privatePageHeaders },
  );
}

/** The same start as `pnpm newsletter send`: frozen now, once; a second start is refused. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { refusal } = await authorsForm(request, context);
  if (refusal) return refusal;
  const slug = params.slug ?? "";
  const plan = await sendingPlan(slug);
  if (!plan.frozen) {
    return data(
      { refused: false as const, message: "Er is (nog) geen versie die verstuurd kan worden." },
      { status: 422, headers: privatePageHeaders },
    );
  }
  const result = await getNewsletter().updates.start(plan.frozen);
  if (result.status !== "started") {
    const message =
      result.status === "already-started"
        ? `Update ${slug} wordt al verstuurd of is al verstuurd: een tweede keer versturen kan niet.`
        : result.message;
    return data({ refused: false as const, message }, { status: 409, headers: privatePageHeaders });
  }
  throw redirect(`/updates/${slug}/voortgang?gestart`, {
    status: 303,
    headers: privatePageHeaders,
  });
}

export default function SendUpdatePage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const progress = `/updates/${page.slug}/voortgang`;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Heading level={1}>Update versturen</Heading>
        {answer ? (
          <div role="status">
            <NoticeBanner title="Niet verstuurd">
              {answer.message} <Link href={progress}>Bekijk de voortgang</Link>
            </NoticeBanner>
          </div>
        ) : null}
        {page.started ? (
          <Text>
            Update <strong>{page.slug}</strong> is al gestart; een tweede keer versturen kan niet.{" "}
            <Link href={progress}>Bekijk de voortgang</Link>
          </Text>
        ) : page.origin === null ? (
          <Text>
            Er is nog geen gepubliceerde versie van <strong>{page.slug}</strong>. Publiceer eerst de
            versie die je wilt versturen.
          </Text>
        ) : page.problems ? (
          <ProblemList
            title={`${page.origin} kan niet verstuurd worden`}
            problems={page.problems}
          />
        ) : (
          <>
            <Text>
              Je verstuurt {page.origin} van <strong>{page.slug}</strong>, “{page.subject}”, aan{" "}
              <strong>
                {page.recipients} bevestigde {page.recipients === 1 ? "abonnee" : "abonnees"}
              </strong>
              . Dit kan maar één keer en niet worden teruggedraaid; pauzeren kan wel.
            </Text>
            {page.newerDraft !== null ? (
              <Text>
                Let op: er is een nieuwere versie ({page.newerDraft}) die niet gepubliceerd is. Die
                wordt níet verstuurd.
              </Text>
            ) : null}
            <form method="post" action={`/updates/${page.slug}/versturen`}>
              <FormToken value={page.formToken} />
              <Button type="submit">
                Ja, verstuur aan {page.recipients} {page.recipients === 1 ? "abonnee" : "abonnees"}
              </Button>
            </form>
          </>
        )}
        <Text>
          <Link href={`/updates/${page.slug}`}>Terug naar de Update</Link>
        </Text>
      </Stack>
    </StudioFrame>
  );
}
