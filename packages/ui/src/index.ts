import "./styles/global.css";

export * from "./components/ArticleLayout";
export { ArticleTeaser, type ArticleTeaserProps } from "./components/ArticleTeaser";
export { BarChart, type BarChartGroup, type BarChartProps } from "./components/BarChart";
export * from "./components/Box";
export * from "./components/Button";
export { ButtonLink, type ButtonLinkProps } from "./components/ButtonLink";
export { CallToAction, type CallToActionProps } from "./components/CallToAction";
export * from "./components/Checkbox";
export * from "./components/Container";
export {
  DataTable,
  type DataTableColumn,
  type DataTableProps,
  type DataTableRow,
} from "./components/DataTable";
export {
  EventDetails,
  type EventDetailsLabels,
  type EventDetailsProps,
} from "./components/EventDetails";
export { Faq, type FaqItem, type FaqProps } from "./components/Faq";
export * from "./components/Heading";
export { Hero, type HeroImage, type HeroProps } from "./components/Hero";
export * from "./components/Link";
export * from "./components/LogoCarousel";
export { NoticeBanner, type NoticeBannerProps } from "./components/NoticeBanner";
export { Quote, type QuoteProps } from "./components/Quote";
export { RichText, type RichTextProps } from "./components/RichText";
export * from "./components/SignupForm";
export * from "./components/SkipLink";
export * from "./components/Stack";
export * from "./components/Text";
export * from "./components/TextField";
export * from "./components/VisuallyHidden";
export { type Sprinkles, sprinkles } from "./styles/sprinkles.css";
export { vars } from "./theme/contract.css";
export { contrastRatio, relativeLuminance } from "./theme/contrast";
export { brandTheme, campaignTheme, darkTheme, themeClassNames } from "./theme/themes.css";
export * from "./theme/tokens";
