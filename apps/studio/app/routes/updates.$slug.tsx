import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link, Stack, Text } from "@vaart/ui";
import { editorStyles, MarkdownEditor } from "../components/MarkdownEditor";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { updateEditor } from "../lib/update-editor.server";
import { updateFields } from "../lib/update-fields";

export const headers = studioHeaders;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  studioMeta(!data || data.isNew ? "Nieuwe Update" : `Update: ${data.values.subject || data.slug}`);

export const loader = updateEditor.loader;
export const action = updateEditor.action;

export default function UpdateEditorPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const page = answer && !answer.refused ? { ...loaded, ...answer.page } : loaded;
  const refused = answer?.refused ? answer.message : null;
  const base = `/updates/${page.slug}`;
  return (
    <MarkdownEditor
      page={refused ? { ...page, notice: { tone: "problem", text: refused } } : page}
      fields={updateFields}
      heading={page.isNew ? "Nieuwe Update" : `Update: ${loaded.values.subject || page.slug}`}
      labels={{
        body: "Tekst (Markdown)",
        bodyHint:
          "De aanhef (Hallo <naam>,) en de afmeldlink zet de mail er zelf bij. Kopjes met ##, een link als [tekst](https://…).",
      }}
      links={
        page.isNew ? null : (
          <Stack space="xs">
            <Text>
              <Link href={`${base}/voorbeeld`}>Voorbeeld van de mail</Link> ·{" "}
              <Link href={`${base}/testmail`}>Testmail sturen</Link> ·{" "}
              <Link href={`${base}/versturen`}>Versturen aan de abonnees</Link> ·{" "}
              <Link href={`${base}/voortgang`}>Voortgang</Link> ·{" "}
              <Link href={`${base}/geschiedenis`}>Geschiedenis</Link>
            </Text>
          </Stack>
        )
      }
      publishHint="Voorbeeld en Testmail tonen de nieuwste opgeslagen versie. Versturen verstuurt de gepubliceerde versie (is er in de studio niets gepubliceerd, dan het bestand in de repository): publiceer dus eerst wat je wilt versturen."
    />
  );
}
