import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContentStoreError } from "@vaart/newsletter/content-store";
import { Button, Heading, Link, NoticeBanner, Stack, Text } from "@vaart/ui";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { StudioFrame } from "../components/StudioFrame";
import { studioStore } from "../lib/content.server";
import { openDocument } from "../lib/editor.server";
import { authorsForm, formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Artikel offline halen");

/** The confirmation step: the page only asks; the button's POST takes the article offline. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const document = await openDocument("article", params.slug ?? "");
  if (!document) throw notFound(privatePageHeaders);
  return data(
    {
      author,
      formToken: formToken(),
      slug: document.slug,
      published: document.stored?.state === "published",
    },
    { headers: privatePageHeaders },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { author, refusal } = await authorsForm(request, context);
  if (refusal) return refusal;
  const slug = params.slug ?? "";
  try {
    await studioStore().unpublish("article", slug, author);
  } catch (error) {
    if (error instanceof ContentStoreError && error.code !== "no-checker") {
      return data(
        { refused: false as const, message: "Dit artikel staat niet (meer) online in de studio." },
        { status: 409, headers: privatePageHeaders },
      );
    }
    throw error;
  }
  throw redirect(`/artikelen/${slug}?offline`, { status: 303, headers: privatePageHeaders });
}

export default function UnpublishArticlePage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Heading level={1}>Artikel offline halen</Heading>
        {answer ? (
          <div role="status">
            <NoticeBanner title="Let op">{answer.message}</NoticeBanner>
          </div>
        ) : null}
        {page.published ? (
          <>
            <Text>
              Het artikel <strong>{page.slug}</strong> verdwijnt binnen enkele seconden van de site:
              het adres geeft dan “niet gevonden”, en het staat niet meer in de artikellijst, de
              RSS-feed en de sitemap. De versies blijven in de studio bewaard; je kunt het later
              opnieuw publiceren.
            </Text>
            <form method="post" action={`/artikelen/${page.slug}/offline-halen`}>
              <FormToken value={page.formToken} />
              <Button type="submit">Ja, haal het offline</Button>
            </form>
          </>
        ) : (
          <Text>Dit artikel is niet gepubliceerd in de studio; er is niets offline te halen.</Text>
        )}
        <Text>
          <Link href={`/artikelen/${page.slug}`}>Terug naar het artikel</Link>
        </Text>
      </Stack>
    </StudioFrame>
  );
}
