export {
  ArticleLayout,
  type ArticleLayoutLabels,
  type ArticleLayoutProps,
  type ArticleMeta,
  type ReadMoreLink,
} from "./ArticleLayout";
