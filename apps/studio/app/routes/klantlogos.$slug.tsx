import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { OrganisationForm } from "../components/OrganisationForm";
import { StudioFrame } from "../components/StudioFrame";
import { formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import {
  editableOrganisation,
  logoPreviewUrl,
  saveOrganisation,
} from "../lib/organisations.server";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  studioMeta(page ? `Klantlogo ${page.organisation.fields.name}` : "Klantlogo");

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function organisationOf(slug: string | undefined) {
  const organisation = slug && SLUG.test(slug) ? await editableOrganisation(slug) : null;
  if (!organisation) throw notFound(privatePageHeaders);
  return organisation;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const organisation = await organisationOf(params.slug);
  const query = new URL(request.url).searchParams;
  const number = (name: string) => {
    const value = Number(query.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  };
  return data(
    {
      author,
      formToken: formToken(),
      organisation,
      logoSrc: organisation.fields.logo ? logoPreviewUrl(organisation.fields.logo) : null,
      done: {
        ...(number("opgeslagen") ? { saved: number("opgeslagen") } : {}),
        ...(number("gepubliceerd") ? { published: number("gepubliceerd") } : {}),
        ...(query.has("offline") ? { offline: true } : {}),
      },
    },
    { headers: privatePageHeaders },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const author = await requireAuthor(request, context);
  const organisation = await organisationOf(params.slug);
  return saveOrganisation(request, author, organisation.slug);
}

export default function OrganisationPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const formAnswer = answer && "fields" in answer ? answer : undefined;
  const { organisation } = page;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <OrganisationForm
        slug={organisation.slug}
        formToken={page.formToken}
        fields={formAnswer?.fields ?? organisation.fields}
        baseRevision={formAnswer?.baseRevision ?? organisation.baseRevision}
        status={organisation.status}
        logoSrc={formAnswer ? formAnswer.logoSrc : page.logoSrc}
        answer={formAnswer}
        done={answer ? {} : page.done}
        storedProblems={organisation.problems}
        refused={answer && "refused" in answer ? answer.message : undefined}
      />
    </StudioFrame>
  );
}
