import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { ArticleTeaser } from "../components/ArticleTeaser";
import { CallToAction } from "../components/CallToAction";
import { EventDetails } from "../components/EventDetails";
import { Faq } from "../components/Faq";
import { Heading } from "../components/Heading";
import { Hero } from "../components/Hero";
import { LogoCarousel } from "../components/LogoCarousel";
import { Quote } from "../components/Quote";
import { RichText } from "../components/RichText";
import { SignupForm } from "../components/SignupForm";
import { Stack } from "../components/Stack";
import { exampleVisitUtm, LandingPage, signupAnchor, webinarCampaign } from "../fixtures/landing";
import {
  exampleFormToken,
  headingOutline,
  landmarkOutline,
  newsletterConsentText,
  SiteBody,
} from "../fixtures/site";
import { campaignTheme, darkColorScheme, narrowViewport } from "../stories/globals";

const campaign = webinarCampaign;
const formAction = `/${campaign.slug}?${new URLSearchParams(exampleVisitUtm)}`;

/**
 * A campaign landing page (the landing app's `/<campaign-slug>`, apps/landing/app/routes/$slug.tsx)
 * with its published example, webinar-ketensamenwerking.yaml: every block in the file's order
 * as CampaignBlocks draws it, the signup (CampaignSignup) posting to the campaign page with
 * the visit's UTM values, in the landing frame and the campaign theme.
 */
function CampaignPage() {
  return (
    <SiteBody>
      <LandingPage>
        <Hero
          heading={campaign.hero.heading}
          subheading={campaign.hero.subheading}
          action={campaign.hero.action}
        />
        <EventDetails
          name={campaign.event.name}
          date={campaign.event.date}
          dateLabel={campaign.event.dateLabel}
          timeLabel={campaign.event.timeLabel}
          location={campaign.event.location}
          details={campaign.event.details}
          calendar={campaign.event.calendar}
        />
        <Stack space="lg" as="section">
          <Heading level={2}>{campaign.text.heading}</Heading>
          <RichText html={campaign.text.html} />
        </Stack>
        <Quote text={campaign.quote.text} name={campaign.quote.name} role={campaign.quote.role} />
        <div>
          <div id={signupAnchor}>
            <SignupForm
              action={formAction}
              consentLabel={newsletterConsentText}
              hiddenFields={{ formToken: exampleFormToken, ...exampleVisitUtm }}
              copy={campaign.signup}
              idPrefix="campagne"
            />
          </div>
        </div>
        <LogoCarousel organisations={campaign.logos.organisations} title={campaign.logos.heading} />
        <Faq
          items={campaign.faq.map((item) => ({
            question: item.question,
            answer: <RichText html={item.html} />,
          }))}
        />
        <ArticleTeaser
          title={campaign.article.title}
          href={campaign.article.href}
          description={campaign.article.description}
        />
        <CallToAction
          heading={campaign.cta.heading}
          text={campaign.cta.text}
          action={campaign.cta.action}
        />
      </LandingPage>
    </SiteBody>
  );
}

const meta = {
  title: "Pages/Campaign",
  component: CampaignPage,
  ...campaignTheme,
  // Every story (the narrow viewport too) checks the page it draws against the shipped one.
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    // Attribution: the form posts to the campaign page and carries the visit's UTM values.
    const form = canvasElement.querySelector("form");
    await expect(form).toHaveAttribute("action", formAction);
    await expect(form?.querySelector('input[name="utm_source"]')).toHaveValue("linkedin");
    // The hero's button leads to the signup form.
    const signupLink = canvas.getByRole("link", { name: campaign.hero.action.label });
    await expect(signupLink).toHaveAttribute("href", `#${signupAnchor}`);
    await expect(canvasElement.querySelector(`#${signupAnchor} form`)).toBe(form);
    // The shipped page's structure, in order: a block added, dropped, renamed or moved fails.
    await expect(headingOutline(canvasElement)).toEqual([
      "h1 Webinar: gelijkwaardig samenwerken in de keten",
      "h2 Praktisch",
      "h2 Wat je meeneemt",
      "h2 Meld je aan voor het webinar",
      "h2 Organisaties die je voorgingen",
      "h2 Veelgestelde vragen",
      "h2 Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
      "h2 Liever meteen een gesprek over jouw keten?",
    ]);
    // The landing frame: a header without navigation, one main, a footer.
    await expect(landmarkOutline(canvasElement)).toEqual(["header", "main", "footer"]);
    await expect(canvas.getByRole("checkbox", { name: newsletterConsentText })).toBeInTheDocument();
  },
} satisfies Meta<typeof CampaignPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {};
export const NarrowViewport: Story = { ...narrowViewport };
/** A reader whose system prefers dark: the page follows it. */
export const DarkColorScheme: Story = {
  ...darkColorScheme,
  play: async () => {
    // The page follows the reader's dark setting (CSS only), with the dark theme's colours.
    await expect(getComputedStyle(document.body).backgroundColor).toBe("rgb(18, 22, 25)");
  },
};
/** A reader whose system prefers dark, on a 320 px phone: the page follows it. */
export const DarkColorSchemeNarrow: Story = {
  ...darkColorScheme,
  globals: narrowViewport.globals,
  play: async () => {
    // The page follows the reader's dark setting (CSS only), with the dark theme's colours.
    await expect(getComputedStyle(document.body).backgroundColor).toBe("rgb(18, 22, 25)");
  },
};
