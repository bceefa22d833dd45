import { Heading, Link, Stack, Text } from "@vaart/ui";
import { formatDutchDate } from "@vaart/ui/format";

export interface ArticleSummaryData {
  slug: string;
  title: string;
  date: string;
  description: string;
  draft?: boolean;
}

/** One article in a list (home, /artikelen): its title as a link, its date, its description. */
export function ArticleSummary({
  article,
  headingLevel,
}: {
  article: ArticleSummaryData;
  headingLevel: 2 | 3;
}) {
  return (
    <article>
      <Stack space="xs">
        <Heading level={headingLevel} size={3}>
          <Link href={`/artikelen/${article.slug}`}>
            {article.draft ? "[Concept] " : ""}
            {article.title}
          </Link>
        </Heading>
        <Text size="small" tone="muted">
          <time dateTime={article.date}>{formatDutchDate(article.date)}</time>
        </Text>
        <Text>{article.description}</Text>
      </Stack>
    </article>
  );
}
