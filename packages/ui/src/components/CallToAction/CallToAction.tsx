import { useId } from "react";
import { ButtonLink } from "../ButtonLink";
import { Heading, type HeadingLevel } from "../Heading";
import { Text } from "../Text";
import * as styles from "./CallToAction.css";

export interface CallToActionProps {
  heading: string;
  text?: string;
  action: { label: string; href: string };
  headingLevel?: HeadingLevel;
}

/** A panel that asks for one action: a heading, a sentence and a button-styled link. */
export function CallToAction({ heading, text, action, headingLevel = 2 }: CallToActionProps) {
  const headingId = useId();
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <Heading level={headingLevel} size={2} id={headingId}>
        {heading}
      </Heading>
      {text ? <Text className={styles.text}>{text}</Text> : null}
      <ButtonLink href={action.href}>{action.label}</ButtonLink>
    </section>
  );
}
