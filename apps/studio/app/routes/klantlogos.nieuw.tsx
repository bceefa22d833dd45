import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { privatePageHeaders } from "@vaart/web/remix";
import { OrganisationForm } from "../components/OrganisationForm";
import { StudioFrame } from "../components/StudioFrame";
import { formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { saveOrganisation } from "../lib/organisations.server";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = () => studioMeta("Nieuw klantlogo");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  return data({ author, formToken: formToken() }, { headers: privatePageHeaders });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const author = await requireAuthor(request, context);
  return saveOrganisation(request, author, null);
}

export default function NewOrganisationPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const fields = answer && "fields" in answer ? answer.fields : undefined;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <OrganisationForm
        slug={null}
        formToken={page.formToken}
        fields={fields ?? { name: "", alt: "", href: "", logo: "" }}
        baseRevision={0}
        status={null}
        logoSrc={answer && "fields" in answer ? answer.logoSrc : null}
        answer={answer && "fields" in answer ? answer : undefined}
        refused={answer && "refused" in answer ? answer.message : undefined}
        done={{}}
        storedProblems={[]}
      />
    </StudioFrame>
  );
}
