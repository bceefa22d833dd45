import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Heading, Stack, Text } from "@vaart/ui";
import { privatePageHeaders } from "@vaart/web/remix";
import { StudioFrame } from "../components/StudioFrame";
import { contentKinds } from "../lib/documents.server";
import { formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Overzicht");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  return data(
    { author, formToken: formToken(), kinds: contentKinds() },
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
          Alles wat de site en de campagnepagina’s tonen, per soort. Voor nu kun je hier alleen
          kijken; bewerken volgt.
        </Text>
        {kinds.map((kind) => (
          <Stack key={kind.id} space="sm" as="section" aria-labelledby={`soort-${kind.id}`}>
            <Heading level={2} id={`soort-${kind.id}`}>
              {kind.label} ({kind.documents.length})
            </Heading>
            {kind.documents.length > 0 ? (
              <ul>
                {kind.documents.map((document) => (
                  <li key={document.source + document.slug}>
                    <Text as="span">{document.title}</Text>{" "}
                    <Text as="span" tone="muted">
                      ({document.source})
                    </Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Text tone="muted">Geen documenten gevonden.</Text>
            )}
          </Stack>
        ))}
      </Stack>
    </StudioFrame>
  );
}
