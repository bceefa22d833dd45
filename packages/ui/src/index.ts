/**
 * The public face of `@vaart/ui`: every export is named here on purpose, because each one
 * is an API that a version bump has to respect. Internals live in `src/private/`; text
 * helpers in `@vaart/ui/format`; raw token values stay inside the package (the theme
 * contract, `vars`, is how a consumer refers to a token).
 */
import "./styles/global.css";

// Page components and campaign blocks
export {
  ArticleLayout,
  type ArticleLayoutLabels,
  type ArticleLayoutProps,
  type ArticleMeta,
  type ReadMoreLink,
} from "./components/ArticleLayout";
export { ArticleTeaser, type ArticleTeaserProps } from "./components/ArticleTeaser";
export { BarChart, type BarChartGroup, type BarChartProps } from "./components/BarChart";
// Layout and text primitives
export { Box, type BoxProps } from "./components/Box";
export { Button, type ButtonProps } from "./components/Button";
export { ButtonLink, type ButtonLinkProps } from "./components/ButtonLink";
export { CallToAction, type CallToActionProps } from "./components/CallToAction";
export { Checkbox, type CheckboxProps } from "./components/Checkbox";
export { Container, type ContainerProps } from "./components/Container";
export {
  DataTable,
  type DataTableColumn,
  type DataTableProps,
  type DataTableRow,
} from "./components/DataTable";
// Forms
export {
  ErrorSummary,
  type ErrorSummaryItem,
  type ErrorSummaryProps,
} from "./components/ErrorSummary";
export {
  EventDetails,
  type EventDetailsLabels,
  type EventDetailsProps,
} from "./components/EventDetails";
export { Faq, type FaqItem, type FaqProps } from "./components/Faq";
export {
  FormField,
  type FormFieldControlProps,
  type FormFieldProps,
} from "./components/FormField";
export { Heading, type HeadingLevel, type HeadingProps } from "./components/Heading";
export { Hero, type HeroImage, type HeroProps } from "./components/Hero";
export {
  Link,
  type LinkComponent,
  type LinkComponentProps,
  type LinkProps,
  LinkProvider,
  type LinkProviderProps,
} from "./components/Link";
export { LogoCarousel, type LogoCarouselProps, type Organisation } from "./components/LogoCarousel";
export { NoticeBanner, type NoticeBannerProps } from "./components/NoticeBanner";
export {
  PageFooter,
  type PageFooterProps,
  PageFrame,
  type PageFrameProps,
  PageHeader,
  type PageHeaderProps,
  type PageNavigationItem,
} from "./components/PageFrame";
export { Quote, type QuoteProps } from "./components/Quote";
export { RichText, type RichTextProps } from "./components/RichText";
export {
  defaultSignupCopy,
  type SignupField,
  type SignupFieldErrors,
  SignupForm,
  type SignupFormCopy,
  type SignupFormProps,
  type SignupFormStatus,
  type SignupFormValues,
  type SignupValidationMessages,
  signupFieldNames,
  validateSignup,
} from "./components/SignupForm";
export { SkipLink, type SkipLinkProps } from "./components/SkipLink";
export { Stack, type StackProps } from "./components/Stack";
export { Text, type TextProps } from "./components/Text";
export { TextField, type TextFieldProps } from "./components/TextField";
export { VisuallyHidden, type VisuallyHiddenProps } from "./components/VisuallyHidden";

// Themes
export { vars } from "./theme/contract.css";
export {
  brandTheme,
  campaignTheme,
  darkTheme,
  followColorScheme,
  type ThemeName,
  themeClassNames,
} from "./theme/themes.css";
