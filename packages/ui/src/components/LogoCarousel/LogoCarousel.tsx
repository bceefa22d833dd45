import { useEffect, useId, useRef, useState } from "react";
import { Heading, type HeadingLevel } from "../Heading";
import { useLinkComponent } from "../Link";
import * as styles from "./LogoCarousel.css";

export interface Organisation {
  name: string;
  /**
   * The logo's text alternative: what a screen reader says for the image. Defaults to the
   * name; give it when the logo says more (or other words) than the name.
   */
  alt?: string;
  /** Logo image URL; without one the name is shown as text. */
  logo?: string;
  /** The organisation's site; the logo becomes a link when given. */
  href?: string;
}

export interface LogoCarouselProps {
  organisations: readonly Organisation[];
  title?: string;
  headingLevel?: HeadingLevel;
  /** Visible label of the pause toggle. */
  pauseLabel?: string;
  /** Up to this many organisations are shown as a still row that wraps; more start moving. */
  maxStill?: number;
}

/**
 * "Which organisations chose these services": a row of client logos that moves on its own
 * when there are more than fit, with a visible pause toggle (WCAG 2.2.2) that works without
 * JavaScript, and no motion at all for readers who ask for reduced motion.
 */
export function LogoCarousel({
  organisations,
  title = "Een aantal van de organisaties die kozen voor mijn diensten",
  headingLevel = 2,
  pauseLabel = "Logo's pauzeren",
  maxStill = 4,
}: LogoCarouselProps) {
  const headingId = useId();
  const pauseId = useId();
  if (organisations.length === 0) return null;

  const moves = organisations.length > maxStill;

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <div className={styles.headerRow}>
        <Heading level={headingLevel} size={3} id={headingId}>
          {title}
        </Heading>
        {moves ? (
          <span className={styles.pauseControl}>
            <input id={pauseId} type="checkbox" className={styles.pauseInput} />
            <label htmlFor={pauseId} className={styles.pauseLabel}>
              <span aria-hidden="true" className={styles.iconPause}>
                ❚❚
              </span>
              {/* Paused: a tick, as on any switched-on toggle (a ▶ next to "pauzeren" read as "play"). */}
              <span aria-hidden="true" className={styles.iconPaused}>
                ✓
              </span>
              {pauseLabel}
            </label>
          </span>
        ) : null}
      </div>
      {moves ? (
        <div className={styles.viewport}>
          <div className={styles.track}>
            <LogoList organisations={organisations} className={styles.list} />
            {/* The copy exists only to make the loop seamless: hidden from assistive technology and unfocusable. */}
            <LogoList
              organisations={organisations}
              className={`${styles.list} ${styles.duplicateList}`}
              duplicate
            />
          </div>
        </div>
      ) : (
        <LogoList organisations={organisations} className={styles.staticList} />
      )}
    </section>
  );
}

interface LogoListProps {
  organisations: readonly Organisation[];
  className: string;
  duplicate?: boolean;
}

function LogoList({ organisations, className, duplicate = false }: LogoListProps) {
  return (
    <ul className={className} aria-hidden={duplicate || undefined}>
      {organisations.map((organisation) => (
        <li key={organisation.name} className={styles.item}>
          <Logo organisation={organisation} duplicate={duplicate} />
        </li>
      ))}
    </ul>
  );
}

/** Intrinsic size hint for logo files; CSS draws every logo in the same box, so nothing shifts. */
const LOGO_BOX = { width: 160, height: 64 } as const;

function Logo({ organisation, duplicate }: { organisation: Organisation; duplicate: boolean }) {
  const LinkComponent = useLinkComponent();
  const [imageFailed, setImageFailed] = useState(false);
  const imageRef = useRef<HTMLImageElement>(null);
  const showImage = organisation.logo && !imageFailed;

  // An image that failed before React hydrated never fires onError; catch it here.
  useEffect(() => {
    const image = imageRef.current;
    if (image?.complete && image.naturalWidth === 0) setImageFailed(true);
  }, []);

  const mark = showImage ? (
    <img
      ref={imageRef}
      src={organisation.logo}
      alt={duplicate ? "" : (organisation.alt ?? organisation.name)}
      width={LOGO_BOX.width}
      height={LOGO_BOX.height}
      loading="lazy"
      decoding="async"
      className={styles.logoImage}
      onError={() => setImageFailed(true)}
    />
  ) : (
    <span className={styles.wordmark}>{organisation.name}</span>
  );

  if (!organisation.href) return mark;
  return (
    <LinkComponent
      href={organisation.href}
      className={styles.logoLink}
      tabIndex={duplicate ? -1 : undefined}
    >
      {mark}
    </LinkComponent>
  );
}
