export {
  PageFooter,
  type PageFooterProps,
  PageFrame,
  type PageFrameProps,
  PageHeader,
  type PageHeaderProps,
  type PageNavigationItem,
} from "./PageFrame";
