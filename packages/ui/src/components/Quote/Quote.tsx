import * as styles from "./Quote.css";

export interface QuoteProps {
  /** The words, without quotation marks (the component adds them). */
  text: string;
  /** Who said it. */
  name: string;
  /** Their role and organisation, e.g. "Teamleider onderhoud, Alwel". */
  role?: string;
}

/** A testimonial: a quotation with the person who said it. */
export function Quote({ text, name, role }: QuoteProps) {
  return (
    <figure className={styles.figure}>
      <blockquote className={styles.quote}>
        <p>“{text}”</p>
      </blockquote>
      <figcaption className={styles.caption}>
        <span className={styles.name}>{name}</span>
        {role ? `, ${role}` : null}
      </figcaption>
    </figure>
  );
}
