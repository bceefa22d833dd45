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
import {
  contentCache,
  notFound,
  pageHeaders,
  privatePageHeaders,
  requestInfo,
} from "@vaart/web/remix";
import { ArticleFileError, parseArticleFile } from "../content/article-file";
import { clientOrganisations, findArticle } from "../content/articles.server";
import { previewVersion } from "../lib/preview.server";
import { siteOrigin } from "../lib/seo.server";
import { ArticlePage } from "../pages/ArticlePage";

export const headers = pageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  // A studio preview link: that stored version, as the site will show it, never cached.
  const preview = await previewVersion(request, context, "article", slug);
  let article = findArticle(slug);
  if (preview) {
    try {
      article = parseArticleFile(`${slug}.md`, preview.text, "untrusted");
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      throw notFound();
    }
  }
  if (!article) throw notFound();
  const { text, ...shown } = article;
  return data(
    {
      article: shown,
      readingMinutes: estimateReadingMinutes(text),
      organisations: clientOrganisations(),
      form: signupFormData(),
      origin: siteOrigin(context),
      previewRevision: preview?.revision,
    },
    { headers: preview ? privatePageHeaders : contentCache },
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
    noindex: loaderData.previewRevision !== undefined,
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
  const {
    article,
    readingMinutes,
    organisations: clients,
    form,
    previewRevision,
  } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <ArticlePage
      article={article}
      readingMinutes={readingMinutes}
      organisations={clients}
      form={form}
      outcome={outcome}
      previewRevision={previewRevision}
    />
  );
}
