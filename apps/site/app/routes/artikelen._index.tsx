import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Heading, Stack, Text } from "@vaart/ui";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, pageHeaders } from "@vaart/web/remix";
import { ArticleSummary } from "../components/ArticleSummary";
import { SitePage } from "../components/SiteFrame";
import { listArticles } from "../content/articles.server";
import { siteOrigin } from "../lib/seo.server";

export const headers = pageHeaders;

export async function loader({ context }: LoaderFunctionArgs) {
  const articles = listArticles().map(({ slug, title, description, date, draft }) => ({
    slug,
    title,
    description,
    date,
    draft,
  }));
  return data({ articles, origin: siteOrigin(context) }, { headers: contentCache });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData
    ? pageMeta({
        title: "Artikelen",
        description:
          "Artikelen over teamontwikkeling, systemisch werk en samenwerking tussen woningcorporaties en onderhoudsbedrijven.",
        url: `${loaderData.origin}/artikelen`,
      })
    : [];

export default function ArticleIndex() {
  const { articles } = useLoaderData<typeof loader>();
  return (
    <SitePage currentPath="/artikelen">
      <Stack space="xl">
        <Heading level={1}>Artikelen</Heading>
        {articles.length === 0 ? (
          <Text>Er zijn nog geen artikelen.</Text>
        ) : (
          <Stack space="xl">
            {articles.map((article) => (
              <ArticleSummary key={article.slug} article={article} headingLevel={2} />
            ))}
          </Stack>
        )}
      </Stack>
    </SitePage>
  );
}
