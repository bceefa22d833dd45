import { useId } from "react";
import { ButtonLink } from "../ButtonLink";
import { Heading, type HeadingLevel } from "../Heading";
import { Text } from "../Text";
import * as styles from "./EventDetails.css";

export interface EventDetailsLabels {
  date: string;
  time: string;
  location: string;
}

export interface EventDetailsProps {
  heading?: string;
  headingLevel?: HeadingLevel;
  /** The event's name. */
  name: string;
  /** Written out by the app, e.g. "donderdag 12 maart 2027". */
  dateLabel: string;
  /** Machine-readable date (YYYY-MM-DD) for the `<time>` element. */
  date: string;
  /** e.g. "19:30 – 21:00 uur". */
  timeLabel: string;
  /** A place, or "Online". */
  location: string;
  address?: string;
  details?: string;
  /** The "add to calendar" download (an .ics file the server makes). */
  calendar?: { href: string; label: string };
  labels?: Partial<EventDetailsLabels>;
}

const defaultLabels: EventDetailsLabels = { date: "Datum", time: "Tijd", location: "Plaats" };

/** When and where an event is, with an "add to calendar" link. */
export function EventDetails({
  heading = "Praktisch",
  headingLevel = 2,
  name,
  dateLabel,
  date,
  timeLabel,
  location,
  address,
  details,
  calendar,
  labels,
}: EventDetailsProps) {
  const text = { ...defaultLabels, ...labels };
  const headingId = useId();
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <Heading level={headingLevel} size={3} id={headingId}>
        {heading}
      </Heading>
      <Text weight="bold">{name}</Text>
      <dl className={styles.list}>
        <dt className={styles.term}>{text.date}</dt>
        <dd className={styles.value}>
          <time dateTime={date}>{dateLabel}</time>
        </dd>
        <dt className={styles.term}>{text.time}</dt>
        <dd className={styles.value}>{timeLabel}</dd>
        <dt className={styles.term}>{text.location}</dt>
        <dd className={styles.value}>
          {location}
          {address ? (
            <>
              <br />
              {address}
            </>
          ) : null}
        </dd>
      </dl>
      {details ? <Text>{details}</Text> : null}
      {calendar ? (
        <ButtonLink variant="secondary" href={calendar.href} download className={styles.calendar}>
          {calendar.label}
        </ButtonLink>
      ) : null}
    </section>
  );
}
