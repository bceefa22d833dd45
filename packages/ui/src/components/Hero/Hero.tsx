import { ButtonLink } from "../ButtonLink";
import { Heading, type HeadingLevel } from "../Heading";
import * as styles from "./Hero.css";

export interface HeroImage {
  src: string;
  /** Describe the image; "" only when it is decoration. */
  alt: string;
  /** The image's own size, so the page does not shift while it loads. */
  width: number;
  height: number;
}

export interface HeroProps {
  heading: string;
  subheading?: string;
  image?: HeroImage;
  /** The one thing a visitor should do next. */
  action?: { label: string; href: string };
  /** h1 at the top of a page (default). */
  headingLevel?: HeadingLevel;
}

/** The opening of a campaign page: what it is about, why it matters, and what to do next. */
export function Hero({ heading, subheading, image, action, headingLevel = 1 }: HeroProps) {
  return (
    <header className={image ? `${styles.hero} ${styles.withImage}` : styles.hero}>
      <div className={styles.copy}>
        <Heading level={headingLevel} size={1}>
          {heading}
        </Heading>
        {subheading ? <p className={styles.subheading}>{subheading}</p> : null}
        {action ? <ButtonLink href={action.href}>{action.label}</ButtonLink> : null}
      </div>
      {image ? (
        <img
          className={styles.image}
          src={image.src}
          alt={image.alt}
          width={image.width}
          height={image.height}
          // The hero image is the first thing people see: load it first, never lazily.
          fetchPriority="high"
          decoding="async"
        />
      ) : null}
    </header>
  );
}
