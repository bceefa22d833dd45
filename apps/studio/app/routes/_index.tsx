import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import { privatePageHeaders } from "@vaart/web/remix";
import { StudioFrame } from "../components/StudioFrame";
import { studioStore } from "../lib/content.server";
import { stateLabels } from "../lib/content-states";
import { contentKindsWithStore, type StudioDocument } from "../lib/documents.server";
import { formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Overzicht");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  return data(
    { author, formToken: formToken(), kinds: await contentKindsWithStore(studioStore()) },
    { headers: privatePageHeaders },
  );
}

export default function OverviewPage() {
  const { author, formToken, kinds } = useLoaderData<typeof loader>();
  return (
    <StudioFrame author={author} formToken={formToken}>
      <Stack space="lg">
        <Heading level={1}>Overzicht</Heading>
        <Text>
          Alles wat de site en de campagnepagina’s tonen, per soort. Kies een document om het te
          bewerken; wat je publiceert staat binnen enkele seconden online.
        </Text>
        {kinds.map((kind) => (
          <Stack key={kind.id} space="sm" as="section" aria-labelledby={`soort-${kind.id}`}>
            <Heading level={2} id={`soort-${kind.id}`}>
              {kind.label} ({kind.documents.length})
            </Heading>
            {kind.documents.length > 0 ? (
              <ul>
                {kind.documents.map((document) => (
                  <li key={document.slug}>
                    <Link href={`/${kind.id}/${document.slug}`}>{document.title}</Link>{" "}
                    <Text as="span" tone="muted">
                      ({documentStatus(document)})
                    </Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Text tone="muted">Geen documenten gevonden.</Text>
            )}
            <Text>
              <Link href={`/${kind.id}/nieuw`}>{kind.newLabel}</Link>
            </Text>
          </Stack>
        ))}
      </Stack>
    </StudioFrame>
  );
}

/** Where a document stands, in a few words: its file, or its state in the studio. */
function documentStatus(document: StudioDocument): string {
  const { stored } = document;
  if (!stored) return `bestand ${document.source}`;
  const state =
    stored.state === "published" && stored.publishedRevision !== stored.latestRevision
      ? "gepubliceerd, met een nieuwer concept"
      : stateLabels[stored.state];
  const problems = stored.problems > 0 ? `, ${stored.problems} fout(en) in het concept` : "";
  return `${state}${problems}, versie ${stored.latestRevision} door ${stored.latestAuthor}`;
}
