import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link, Stack, Text } from "@vaart/ui";
import { editorStyles, MarkdownEditor } from "../components/MarkdownEditor";
import { articleEditor } from "../lib/article-editor.server";
import { articleFields } from "../lib/article-fields";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";

export const headers = studioHeaders;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  studioMeta(!data || data.isNew ? "Nieuw artikel" : `Artikel: ${data.values.title || data.slug}`);

export const loader = articleEditor.loader;
export const action = articleEditor.action;

export default function ArticleEditorPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const page = answer && !answer.refused ? { ...loaded, ...answer.page } : loaded;
  const refused = answer?.refused ? answer.message : null;
  return (
    <MarkdownEditor
      page={refused ? { ...page, notice: { tone: "problem", text: refused } } : page}
      fields={articleFields}
      heading={page.isNew ? "Nieuw artikel" : `Artikel: ${loaded.values.title || page.slug}`}
      labels={{
        body: "Tekst (Markdown)",
        bodyHint:
          "Kopjes met ##, een lijst met -, een link als [tekst](https://…). HTML en javascript:-links worden op de site als tekst getoond of weggelaten.",
      }}
      links={
        page.isNew ? null : (
          <Stack space="xs">
            {page.preview ? (
              <Text>
                <Link href={page.preview}>
                  Voorbeeld van versie {page.stored?.latestRevision} op de site
                </Link>{" "}
                (alleen via deze link te zien, niet in zoekmachines)
              </Text>
            ) : null}
            <Text>
              <Link href={`/artikelen/${page.slug}/geschiedenis`}>Geschiedenis</Link>
            </Text>
            {page.stored?.state === "published" ? (
              <Text>
                <Link href={`/artikelen/${page.slug}/offline-halen`}>Offline halen</Link>
              </Text>
            ) : null}
          </Stack>
        )
      }
      publishHint="Publiceren zet deze tekst binnen enkele seconden op de site, in de artikellijst, de RSS-feed en de sitemap (een concept niet)."
    />
  );
}
