import { type ReactNode, useId } from "react";
import { Heading, type HeadingLevel } from "../Heading";
import * as styles from "./Faq.css";

export interface FaqItem {
  question: string;
  /** The answer: text, or rich text from the app (e.g. `<RichText>`). */
  answer: ReactNode;
}

export interface FaqProps {
  heading?: string;
  headingLevel?: HeadingLevel;
  items: readonly FaqItem[];
}

/**
 * Frequently asked questions as native disclosures (`<details>`): they open and close with
 * mouse, keyboard and screen reader, without JavaScript, and find-in-page opens them.
 */
export function Faq({ heading = "Veelgestelde vragen", headingLevel = 2, items }: FaqProps) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Heading level={headingLevel} size={2} id={headingId}>
        {heading}
      </Heading>
      <div className={styles.list}>
        {items.map((item) => (
          <details key={item.question} className={styles.item}>
            <summary className={styles.question}>
              <span aria-hidden="true" className={styles.marker} />
              {item.question}
            </summary>
            <div className={styles.answer}>{item.answer}</div>
          </details>
        ))}
      </div>
    </section>
  );
}
