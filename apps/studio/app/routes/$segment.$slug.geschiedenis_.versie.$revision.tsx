import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { StudioFrame } from "../components/StudioFrame";
import { kindOfSegment, studioStore } from "../lib/content.server";
import { formatMoment, revisionFrom, slugFrom } from "../lib/editing.server";
import { formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = ({ params }) =>
  studioMeta(`Versie ${params.revision ?? ""} van ${params.slug ?? ""}`);

/** One stored version's text, read-only: to compare, or to copy from. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const kind = kindOfSegment(params.segment);
  const revision = revisionFrom(params.revision ?? null);
  if (!kind || revision === null) throw notFound();
  const slug = slugFrom(params.slug);
  const version = await studioStore().version(kind, slug, revision);
  if (!version) throw notFound();
  return data(
    {
      author,
      formToken: formToken(),
      segment: params.segment as string,
      slug,
      revision,
      text: version.text,
      by: version.author,
      at: formatMoment(version.createdAt),
      restoredFrom: version.restoredFrom,
      problems: version.problems,
    },
    { headers: privatePageHeaders },
  );
}

export default function VersionPage() {
  const page = useLoaderData<typeof loader>();
  const history = `/${page.segment}/${page.slug}/geschiedenis`;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Text>
          <Link href="/">Overzicht</Link> ›{" "}
          <Link href={`/${page.segment}/${page.slug}`}>{page.slug}</Link> ›{" "}
          <Link href={history}>Geschiedenis</Link>
        </Text>
        <Heading level={1}>
          Versie {page.revision} van {page.slug}
        </Heading>
        <Text>
          Opgeslagen door {page.by}, {page.at}
          {page.restoredFrom ? `, hersteld uit versie ${page.restoredFrom}` : ""}.{" "}
          {page.problems.length > 0
            ? `De controle vond ${page.problems.length === 1 ? "een fout" : `${page.problems.length} fouten`}: ${page.problems.join("; ")}`
            : "Deze versie komt door de controle."}
        </Text>
        <Text>
          Herstellen gaat via de <Link href={history}>geschiedenis</Link>.
        </Text>
        {/* A region of its own: a keyboard user can focus it and scroll a long text. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus */}
        <section aria-label={`Tekst van versie ${page.revision}`} tabIndex={0}>
          <pre className="studio-code">{page.text}</pre>
        </section>
      </Stack>
    </StudioFrame>
  );
}
