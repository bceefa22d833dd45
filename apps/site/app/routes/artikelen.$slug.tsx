import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { organisations } from "@vaart/content";
import { newsletterPaths, siteIdentity } from "@vaart/content/site";
import { ArticleLayout, LogoCarousel, NoticeBanner, RichText } from "@vaart/ui";
import { estimateReadingMinutes } from "@vaart/ui/format";
import { handleSignup, signupFormData } from "@vaart/web";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, notFound, pageHeaders, requestInfo } from "@vaart/web/remix";
import { SignupSection } from "../components/SignupSection";
import { mainId, SiteFooter, SiteHeader } from "../components/SiteFrame";
import { findArticle } from "../content/articles.server";
import { siteOrigin } from "../lib/seo";

export const headers = pageHeaders;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const article = findArticle(params.slug ?? "");
  if (!article) throw notFound();
  const { text, ...shown } = article;
  return data(
    {
      article: shown,
      readingMinutes: estimateReadingMinutes(text),
      organisations,
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

export default function ArticlePage() {
  const { article, readingMinutes, organisations: clients, form } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <ArticleLayout
      mainId={mainId}
      title={article.title}
      lead={article.lead}
      meta={{ published: article.date, readingMinutes }}
      readMore={article.readMore}
      header={
        <>
          {/* Only `pnpm dev` serves drafts: say so on the draft itself, not only in the lists. */}
          {article.draft ? (
            <NoticeBanner title="Concept">
              Dit artikel is nog niet gepubliceerd. Alleen de ontwikkelserver (pnpm dev) toont het;
              op de echte site bestaat dit adres niet.
            </NoticeBanner>
          ) : null}
          <SiteHeader currentPath={`/artikelen/${article.slug}`} />
        </>
      }
      footer={<SiteFooter />}
      asides={
        <>
          <LogoCarousel organisations={clients} />
          <SignupSection action={`/artikelen/${article.slug}`} form={form} outcome={outcome} />
        </>
      }
    >
      {/* Trusted HTML, rendered from the Markdown files in this repository. RichText keeps
          the spacing between blocks, which a plain wrapper element would stop. */}
      <RichText html={article.html} />
    </ArticleLayout>
  );
}
