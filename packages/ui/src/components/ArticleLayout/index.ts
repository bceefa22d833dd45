export {
  ArticleLayout,
  type ArticleLayoutLabels,
  type ArticleLayoutProps,
  type ArticleMeta,
  type ReadMoreLink,
} from "./ArticleLayout";
export {
  countWords,
  DUTCH_WORDS_PER_MINUTE,
  estimateReadingMinutes,
  formatDutchDate,
} from "./readingTime";
