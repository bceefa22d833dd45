import { ArticleLayout, LogoCarousel, NoticeBanner, type Organisation, RichText } from "@vaart/ui";
import type { SignupFormData, SignupOutcome } from "@vaart/web/signup-form";
import { SignupSection } from "../components/SignupSection";
import { mainId, SiteFooter, SiteHeader } from "../components/SiteFrame";
import type { Article } from "../content/article-file";

export interface ArticlePageProps {
  article: Omit<Article, "text">;
  readingMinutes: number;
  organisations: readonly Organisation[];
  form: SignupFormData;
  /** The answer to a signup that did not go through. */
  outcome?: SignupOutcome | undefined;
  /** Shown through a studio preview link: the stored version's number. */
  previewRevision?: number | undefined;
}

/**
 * An article (`/artikelen/<slug>`): ArticleLayout in the site's header and footer, the
 * Markdown body, then the client logos and the signup, which posts to the article itself.
 */
export function ArticlePage({
  article,
  readingMinutes,
  organisations,
  form,
  outcome,
  previewRevision,
}: ArticlePageProps) {
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
          {previewRevision !== undefined ? (
            <NoticeBanner title="Voorbeeld">
              Versie {previewRevision} uit de studio, zoals de site hem zal tonen. Alleen wie deze
              link heeft, ziet hem; zoekmachines niet.
            </NoticeBanner>
          ) : article.draft ? (
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
          <LogoCarousel organisations={organisations} />
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
