import { Heading, type HeadingLevel } from "../Heading";
import { Link } from "../Link";
import { Text } from "../Text";
import * as styles from "./ArticleTeaser.css";

export interface ArticleTeaserProps {
  title: string;
  description?: string;
  /** Where the article is (on the site). */
  href: string;
  /** Small text above the title. */
  eyebrow?: string;
  /**
   * The link text; says where it goes, so it reads well out of context. Default: "Lees het
   * artikel", named "Lees het artikel: <title>" for screen readers (the title is the heading above).
   */
  linkLabel?: string;
  headingLevel?: HeadingLevel;
}

/** Points to an article elsewhere: what it is about and a link to read it. */
export function ArticleTeaser({
  title,
  description,
  href,
  eyebrow = "Lees ook",
  linkLabel,
  headingLevel = 2,
}: ArticleTeaserProps) {
  return (
    <article className={styles.teaser}>
      <p className={styles.eyebrow}>{eyebrow}</p>
      <Heading level={headingLevel} size={3}>
        {title}
      </Heading>
      {description ? <Text>{description}</Text> : null}
      <p className={styles.readLink}>
        {linkLabel ? (
          <Link href={href}>{linkLabel}</Link>
        ) : (
          // The title is the heading right above: shown once, but still in the link's name
          // (which starts with the visible text, WCAG 2.5.3), so it reads well in a list of links.
          <Link href={href} aria-label={`Lees het artikel: ${title}`}>
            Lees het artikel
          </Link>
        )}
      </p>
    </article>
  );
}
