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
  /** The link text; says where it goes, so it reads well out of context. */
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
        <Link href={href}>{linkLabel ?? `Lees het artikel: ${title}`}</Link>
      </p>
    </article>
  );
}
