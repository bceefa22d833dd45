export { ArticleTeaser, type ArticleTeaserProps } from "./ArticleTeaser";
