import { type MouseEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { Heading, type HeadingLevel } from "../Heading";
import { Text } from "../Text";
import * as styles from "./ErrorSummary.css";

export interface ErrorSummaryItem {
  /** The id of the field in error; the summary links to it. */
  fieldId: string;
  /** The same message the field shows. */
  message: ReactNode;
}

export interface ErrorSummaryProps {
  /** Read out first when the summary takes focus. */
  title?: ReactNode;
  /** One entry per field in error, in the order of the form. Nothing renders when empty. */
  errors: readonly ErrorSummaryItem[];
  /** An optional sentence under the title. */
  description?: ReactNode;
  headingLevel?: HeadingLevel;
  /**
   * The summary takes focus when it appears and again whenever this value changes, e.g.
   * a counter of submit attempts, so a second failed attempt is announced too.
   */
  focusKey?: string | number;
  /** Pass `false` to leave focus alone (for example in a page that shows several forms). */
  autoFocus?: boolean;
  className?: string;
}

/**
 * The list of problems at the top of a form after a failed submit (GOV.UK's error summary):
 * it takes focus so its title is the first thing read, and each entry links to its field.
 * No live region: focus already reads it out, and `role="alert"` as well would read it twice.
 */
export function ErrorSummary({
  title = "Er is een probleem",
  errors,
  description,
  headingLevel = 2,
  focusKey,
  autoFocus = true,
  className,
}: ErrorSummaryProps) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const hasErrors = errors.length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows each new attempt
  useEffect(() => {
    if (hasErrors && autoFocus) summaryRef.current?.focus();
  }, [hasErrors, autoFocus, focusKey]);

  if (!hasErrors) return null;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; this is a list of links
    <div
      ref={summaryRef}
      tabIndex={-1}
      // A named group: taking focus, it is announced by its title, then read.
      role="group"
      aria-labelledby={titleId}
      // Server-rendered after a failed post without JavaScript, the HTML attribute moves focus
      // here when the page loads, so the summary is still read first.
      // biome-ignore lint/a11y/noAutofocus: it appears only after a failed submit, as GOV.UK's does
      autoFocus={autoFocus}
      className={[styles.summary, className].filter(Boolean).join(" ")}
    >
      <Heading level={headingLevel} size={4} id={titleId}>
        {title}
      </Heading>
      {description ? <Text>{description}</Text> : null}
      <ul className={styles.list}>
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a href={`#${error.fieldId}`} className={styles.link} onClick={focusField}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Without JavaScript the link jumps to the field. With it, focus moves into the field and
 * its label (or its fieldset's legend) scrolls into view, so the reader sees what to fix.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const id = decodeURIComponent(event.currentTarget.hash.slice(1));
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  const legend = field.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legend ?? label ?? field).scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}
