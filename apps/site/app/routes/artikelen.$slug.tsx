import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newsletterPaths, siteIdentity } from "@vaart/content/site";
import { estimateReadingMinutes } from "@vaart/ui/format";
import { handleSignup, signupFormData } from "@vaart/web";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, notFound, pageHeaders, requestInfo } from "@vaart/web/remix";
import { clientOrganisations, findArticle } from "../content/articles.server";
import { siteOrigin } from "../lib/seo.server";
import { ArticlePage } from "../pages/ArticlePage";

export const headers = pageHeaders;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const article = findArticle(params.slug ?? "");
  if (!article) throw notFound();
  const { text, ...shown } = article;
  return data(
    {
      article: shown,
      readingMinutes: estimateReadingMinutes(text),
      organisations: clientOrganisations(),
      form: signupFormData(),
      origin: siteOrigin(context),
    },
    { headers: contentCache },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const article = findArticle(params.slug ?? "");
  if (!article) throw notFound();
  return handleSignup(request, requestInfo(context), {
    source: `/artikelen/${article.slug}`,
    thanksPath: newsletterPaths.thanks,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => {
  if (!loaderData) return [];
  const { article, origin } = loaderData;
  const url = `${origin}/artikelen/${article.slug}`;
  return pageMeta({
    title: article.draft ? `[Concept] ${article.title}` : article.title,
    description: article.description,
    url,
    type: "article",
    extra: [
      { property: "article:published_time", content: article.date },
      ...(article.updated ? [{ property: "article:modified_time", content: article.updated }] : []),
      {
        "script:ld+json": {
          "@context": "https://schema.org",
          "@type": "Article",
          headline: article.title,
          description: article.description,
          datePublished: article.date,
          dateModified: article.updated ?? article.date,
          inLanguage: "nl",
          mainEntityOfPage: url,
          url,
          author: { "@type": "Organization", name: siteIdentity.author, url: `${origin}/` },
          publisher: { "@type": "Organization", name: siteIdentity.name, url: `${origin}/` },
        },
      },
    ],
  });
};

export default function Article() {
  const { article, readingMinutes, organisations: clients, form } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <ArticlePage
      article={article}
      readingMinutes={readingMinutes}
      organisations={clients}
      form={form}
      outcome={outcome}
    />
  );
}
