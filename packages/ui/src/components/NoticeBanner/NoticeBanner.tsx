import type { ReactNode } from "react";
import * as styles from "./NoticeBanner.css";

export interface NoticeBannerProps {
  /** A short, bold first word or phrase, e.g. "Voorbeeld". */
  title: string;
  children: ReactNode;
}

/**
 * A full-width strip above a page that says something about the whole page, such as "this
 * is a preview, visitors cannot see it yet". Put it before the skip link's target.
 */
export function NoticeBanner({ title, children }: NoticeBannerProps) {
  return (
    <div className={styles.banner} role="note">
      <strong className={styles.title}>{title}:</strong> {children}
    </div>
  );
}
