import type { ReactNode } from "react";
import { formatDutchDate } from "../../format/format";
import { Heading } from "../Heading";
import { Link } from "../Link";
import * as styles from "./ArticleLayout.css";

export interface ArticleMeta {
  /** Publication date, ISO 8601 (`2024-06-03`). */
  published?: string;
  /** Minutes to read; see `estimateReadingMinutes`. */
  readingMinutes?: number;
}

export interface ReadMoreLink {
  href: string;
  label: ReactNode;
}

export interface ArticleLayoutProps {
  title: ReactNode;
  /** The opening paragraph, set larger than the body. */
  lead?: ReactNode;
  meta?: ArticleMeta;
  /** The article body: headings, paragraphs, lists, quotes (for example rendered Markdown). */
  children: ReactNode;
  /** The related "read more" link at the end of the article. */
  readMore?: ReadMoreLink;
  /** Site header (navigation) above the main content. */
  header?: ReactNode;
  /** Site footer below the main content. */
  footer?: ReactNode;
  /** Sections after the article inside the main landmark: client logos, signup. */
  asides?: ReactNode;
  /** The id the skip link points at. */
  mainId?: string;
  /** Copy the layout adds itself; Dutch by default. */
  labels?: Partial<ArticleLayoutLabels>;
}

export interface ArticleLayoutLabels {
  published: string;
  readingTime: (minutes: number) => string;
  readMore: string;
}

const defaultLabels: ArticleLayoutLabels = {
  published: "Gepubliceerd op",
  readingTime: (minutes) => `${minutes} min leestijd`,
  readMore: "Verder lezen",
};

/** The page for one long-form article, from narrow phones to wide screens and print. */
export function ArticleLayout({
  title,
  lead,
  meta,
  children,
  readMore,
  header,
  footer,
  asides,
  mainId = "main",
  labels,
}: ArticleLayoutProps) {
  const copy = { ...defaultLabels, ...labels };
  const hasMeta = meta?.published !== undefined || (meta?.readingMinutes ?? 0) > 0;

  return (
    <div className={styles.page}>
      {header}
      <main id={mainId} tabIndex={-1} className={styles.main}>
        <article className={styles.column}>
          <header className={styles.articleHeader}>
            <Heading level={1}>{title}</Heading>
            {hasMeta ? (
              <ul className={styles.meta}>
                {meta?.published ? (
                  <li>
                    {copy.published}{" "}
                    <time dateTime={meta.published}>{formatDutchDate(meta.published)}</time>
                  </li>
                ) : null}
                {meta?.readingMinutes ? <li>{copy.readingTime(meta.readingMinutes)}</li> : null}
              </ul>
            ) : null}
            {lead ? <p className={styles.lead}>{lead}</p> : null}
          </header>
          <div className={styles.prose}>{children}</div>
          {readMore ? (
            <nav aria-label={copy.readMore} className={styles.readMore}>
              <Link href={readMore.href}>
                {readMore.label}
                <span aria-hidden="true" className={styles.readMoreArrow}>
                  →
                </span>
              </Link>
            </nav>
          ) : null}
        </article>
        {asides ? <div className={styles.asides}>{asides}</div> : null}
      </main>
      {footer}
    </div>
  );
}
