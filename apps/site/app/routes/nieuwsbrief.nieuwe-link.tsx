import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { Heading, Stack, Text } from "@vaart/ui";
import { handleRequestNew } from "@vaart/web";
import { pageTitle } from "@vaart/web/page-meta";
import { noStore, requestInfo } from "@vaart/web/remix";
import { RequestNewForm } from "../components/RequestNewForm";
import { SitePage } from "../components/SiteFrame";

export const headers: HeadersFunction = () => noStore;

export const meta: MetaFunction = () => [
  { title: pageTitle("Nieuwe bevestigingsmail") },
  { name: "robots", content: "noindex" },
];

export async function action({ request, context }: ActionFunctionArgs) {
  return handleRequestNew(request, requestInfo(context));
}

export default function RequestNewPage() {
  const outcome = useActionData<typeof action>();
  return (
    <SitePage currentPath={newsletterPaths.requestNew}>
      <Stack space="lg">
        <Heading level={1}>Nieuwe bevestigingsmail</Heading>
        {outcome?.status === "ok" ? (
          <Text role="status">{outcome.message}</Text>
        ) : (
          <>
            <Text>
              Vul het adres in waarmee je je hebt aangemeld; je krijgt een nieuwe mail met een
              bevestigingsknop.
            </Text>
            <RequestNewForm
              email={outcome?.email}
              error={outcome?.status === "invalid" ? outcome.message : undefined}
              notice={outcome && outcome.status !== "invalid" ? outcome.message : undefined}
            />
          </>
        )}
      </Stack>
    </SitePage>
  );
}
