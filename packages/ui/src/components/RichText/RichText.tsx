import { prose } from "../ArticleLayout/ArticleLayout.css";
import * as styles from "./RichText.css";

export interface RichTextProps {
  /**
   * HTML rendered from Markdown by the app. Trusted content only (files in the repository):
   * it is inserted as is.
   */
  html: string;
  className?: string;
}

/** Running text from Markdown, styled like an article body (headings, lists, links, quotes). */
export function RichText({ html, className }: RichTextProps) {
  return (
    <div
      className={[prose, styles.richText, className].filter(Boolean).join(" ")}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted HTML from the app's own Markdown files
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
