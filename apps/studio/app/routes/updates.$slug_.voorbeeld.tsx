import {
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import { getNewsletter } from "@vaart/web";
import { privatePageHeaders } from "@vaart/web/remix";
import { editorStyles } from "../components/MarkdownEditor";
import { ProblemList } from "../components/ProblemList";
import { StudioFrame } from "../components/StudioFrame";
import { formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";
import { askedRevision, originText, renderedUpdate } from "../lib/update-mail.server";

export const headers = studioHeaders;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta: MetaFunction = () => studioMeta("Voorbeeld van de Update");

/** The mail as a subscriber named Anna gets it: the plain-text part here, the HTML on its own page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const revision = askedRevision(request);
  const { update, frozen, problems } = await renderedUpdate(params.slug ?? "", revision);
  const mail = frozen ? getNewsletter().updates.previewMail(frozen) : null;
  const query = update.origin.revision !== undefined ? `?versie=${update.origin.revision}` : "";
  return data(
    {
      author,
      formToken: formToken(),
      slug: update.slug,
      origin: originText(update),
      problems,
      mail: mail && { subject: mail.subject, from: mail.from, to: mail.to, text: mail.text },
      preheader: frozen?.preheader ?? null,
      htmlHref: `/updates/${update.slug}/voorbeeld.html${query}`,
    },
    { headers: privatePageHeaders },
  );
}

export default function UpdatePreviewPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Heading level={1}>Voorbeeld van de Update</Heading>
        <Text>
          Zo krijgt een abonnee met de voornaam Anna {page.origin} van <strong>{page.slug}</strong>.
          De afmeldlink in dit voorbeeld meldt niemand af.
        </Text>
        {page.mail ? (
          <>
            <dl>
              <dt>Onderwerp</dt>
              <dd>{page.mail.subject}</dd>
              {page.preheader ? (
                <>
                  <dt>Voorregel</dt>
                  <dd>{page.preheader}</dd>
                </>
              ) : null}
              <dt>Van</dt>
              <dd>{page.mail.from}</dd>
            </dl>
            <Text>
              <Link href={page.htmlHref}>
                De mail openen zoals een mailprogramma hem toont (HTML)
              </Link>
            </Text>
            <section aria-labelledby="platte-tekst">
              <Heading level={2} id="platte-tekst">
                Platte tekst
              </Heading>
              <pre className="studio-mail-text">{page.mail.text}</pre>
            </section>
          </>
        ) : (
          <ProblemList
            title="Deze versie kan nog niet als mail gemaakt worden"
            problems={page.problems ?? []}
          />
        )}
        <Text>
          <Link href={`/updates/${page.slug}`}>Terug naar de Update</Link>
        </Text>
      </Stack>
    </StudioFrame>
  );
}
