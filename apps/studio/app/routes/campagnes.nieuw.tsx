import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { campaignTemplate, reservedSlugs } from "@vaart/content/campaign-file";
import { ContentConflictError } from "@vaart/newsletter/content-store";
import { Button, ErrorSummary, Heading, Link, Stack, Text, TextField } from "@vaart/ui";
import { privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { StudioFrame } from "../components/StudioFrame";
import { studioStore } from "../lib/content.server";
import { fileText, slugPattern } from "../lib/editing.server";
import { formRefusal, formToken, readForm } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Nieuwe campagne");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  return data({ author, formToken: formToken() }, { headers: privatePageHeaders });
}

/** Why a slug cannot be a new campaign's address, or null. */
async function slugProblem(slug: string): Promise<string | null> {
  if (!slug) return "Vul het adres van de pagina in, bijvoorbeeld webinar-maart.";
  if (slug.length > 80 || !slugPattern.test(slug)) {
    return "Het adres mag alleen kleine letters, cijfers en streepjes tussen woorden hebben (bijvoorbeeld webinar-maart), hoogstens 80 tekens.";
  }
  if (reservedSlugs.includes(slug)) {
    return `/${slug} is een adres van de campagne-app zelf. Kies een ander adres.`;
  }
  const taken =
    fileText("campaign", slug) !== null || (await studioStore().version("campaign", slug)) !== null;
  return taken ? `Er is al een campagne met het adres /${slug}. Kies een ander adres.` : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const author = await requireAuthor(request, context);
  const form = await readForm(request);
  const refused = formRefusal(form);
  if (refused || !form) return refused;
  const given = form.get("slug");
  const slug = typeof given === "string" ? given.trim() : "";
  const answer = (problem: string) =>
    data({ slug, problem }, { status: 422, headers: privatePageHeaders });
  const problem = await slugProblem(slug);
  if (problem) return answer(problem);
  try {
    // The same starting text as `pnpm campaign new`: a draft that passes the check.
    await studioStore().saveDraft({
      kind: "campaign",
      slug,
      text: campaignTemplate(slug),
      author,
      baseRevision: null,
    });
  } catch (error) {
    // Another author took the address a moment ago.
    if (error instanceof ContentConflictError) {
      return answer(`Er is al een campagne met het adres /${slug}. Kies een ander adres.`);
    }
    throw error;
  }
  throw redirect(`/campagnes/${slug}?opgeslagen=1`, { status: 303, headers: privatePageHeaders });
}

export default function NewCampaign() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const problem = answer && "problem" in answer ? answer.problem : undefined;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Text>
          <Link href="/">Overzicht</Link> › Campagnes
        </Text>
        <Heading level={1}>Nieuwe campagne</Heading>
        {answer && "refused" in answer ? <Text role="alert">{answer.message}</Text> : null}
        {problem ? <ErrorSummary errors={[{ fieldId: "slug", message: problem }]} /> : null}
        <Text>
          Een nieuwe campagne begint met een voorbeeldtekst: een kop, een stuk tekst en een
          aanmeldformulier. Je past hem daarna aan en bekijkt het voorbeeld voordat je publiceert.
        </Text>
        <form method="post">
          <Stack space="md">
            <FormToken value={page.formToken} />
            <TextField
              id="slug"
              name="slug"
              label="Adres van de pagina"
              hint="Kleine letters en streepjes, bijvoorbeeld webinar-maart: de pagina komt op /webinar-maart."
              defaultValue={answer && "slug" in answer ? answer.slug : ""}
              error={problem}
              autoComplete="off"
              spellCheck={false}
              required
            />
            <div>
              <Button type="submit">Campagne aanmaken</Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </StudioFrame>
  );
}
