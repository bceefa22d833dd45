import {
  ArticleTeaser,
  CallToAction,
  EventDetails,
  Faq,
  Heading,
  Hero,
  LogoCarousel,
  Quote,
  RichText,
  Stack,
  type Organisation as UiOrganisation,
} from "@vaart/ui";
import type { ReactNode } from "react";
import type { RenderedBlock } from "../campaigns/campaign-file";

/** A block as the page renders it: links resolved, event formatted, logos picked. */
export type PageBlock<O extends UiOrganisation = UiOrganisation> =
  | Exclude<RenderedBlock, { type: "event" | "logos" | "signup" | "article" }>
  | {
      type: "event";
      block: Extract<RenderedBlock, { type: "event" }>;
      dateLabel: string;
      calendarHref: string;
    }
  | { type: "logos"; heading?: string; organisations: O[] }
  | { type: "signup" }
  | { type: "article"; title: string; description?: string; href: string; label?: string };

/** Every block of a campaign, in the file's order; `signup` is drawn by the page. */
export function CampaignBlocks({ blocks, signup }: { blocks: PageBlock[]; signup: ReactNode }) {
  return (
    <>
      {blocks.map((block, index) => {
        const key = `${block.type}-${index}`;
        switch (block.type) {
          case "hero":
            return (
              <Hero
                key={key}
                heading={block.heading}
                {...(block.subheading ? { subheading: block.subheading } : {})}
                {...(block.image ? { image: block.image } : {})}
                {...(block.action ? { action: block.action } : {})}
              />
            );
          case "text":
            return (
              <Stack key={key} space="lg" as="section">
                {block.heading ? <Heading level={2}>{block.heading}</Heading> : null}
                <RichText html={block.html} />
              </Stack>
            );
          case "logos":
            return (
              <LogoCarousel
                key={key}
                organisations={block.organisations}
                {...(block.heading ? { title: block.heading } : {})}
              />
            );
          case "signup":
            return <div key={key}>{signup}</div>;
          case "quote":
            return (
              <Quote
                key={key}
                text={block.text}
                name={block.name}
                {...(block.role ? { role: block.role } : {})}
              />
            );
          case "event":
            return (
              <EventDetails
                key={key}
                {...(block.block.heading ? { heading: block.block.heading } : {})}
                name={block.block.name}
                date={block.block.date}
                dateLabel={block.dateLabel}
                timeLabel={`${block.block.start} – ${block.block.end} uur`}
                location={block.block.location}
                {...(block.block.address ? { address: block.block.address } : {})}
                {...(block.block.details ? { details: block.block.details } : {})}
                calendar={{ href: block.calendarHref, label: "Zet in je agenda (.ics)" }}
              />
            );
          case "faq":
            return (
              <Faq
                key={key}
                {...(block.heading ? { heading: block.heading } : {})}
                items={block.questions.map((q) => ({
                  question: q.question,
                  answer: <RichText html={q.html} />,
                }))}
              />
            );
          case "cta":
            return (
              <CallToAction
                key={key}
                heading={block.heading}
                {...(block.text ? { text: block.text } : {})}
                action={block.action}
              />
            );
          case "article":
            return (
              <ArticleTeaser
                key={key}
                title={block.title}
                href={block.href}
                {...(block.description ? { description: block.description } : {})}
                {...(block.label ? { linkLabel: block.label } : {})}
              />
            );
        }
        return null;
      })}
    </>
  );
}
