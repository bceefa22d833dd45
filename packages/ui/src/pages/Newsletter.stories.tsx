import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ComponentProps } from "react";
import { expect, waitFor, within } from "storybook/test";
import { Heading } from "../components/Heading";
import { Link } from "../components/Link";
import { SignupForm } from "../components/SignupForm";
import { Stack } from "../components/Stack";
import { Text } from "../components/Text";
import {
  exampleFormToken,
  headingOutline,
  landmarkOutline,
  newsletterConsentText,
  SiteBody,
  SitePage,
} from "../fixtures/site";
import { darkColorScheme, darkTheme, narrowViewport } from "../stories/globals";

type NewsletterPageProps = Pick<ComponentProps<typeof SignupForm>, "status" | "errors" | "values">;

/**
 * `/nieuwsbrief` as apps/site/app/routes/nieuwsbrief._index.tsx ships it: the page's own h1
 * and what the Updates are, then the signup form (SignupSection, an h2). After a failed post
 * the server answers the same page with the errors and the values (`status="invalid"`).
 */
function NewsletterPage(props: NewsletterPageProps) {
  return (
    <SiteBody>
      <SitePage currentPath="/nieuwsbrief">
        <Stack space="lg">
          <Heading level={1}>Nieuwsbrief: de ‘Updates’</Heading>
          <Text>
            Eens per twee maanden een mail met wat ik tegenkom in teams en ketens: een inzicht, een
            werkvorm om zelf te proberen en nieuwe artikelen. Je gegevens gebruik ik alleen
            daarvoor; ik deel ze met niemand.
          </Text>
          <Text>
            Na het aanmelden krijg je eerst een mail met een bevestigingsknop. Pas als je daarop
            drukt, ben je aangemeld. Onder elke Update staat een link om je af te melden.
          </Text>
        </Stack>
        <SignupForm
          {...props}
          action="/nieuwsbrief"
          consentLabel={newsletterConsentText}
          hiddenFields={{ formToken: exampleFormToken }}
        />
      </SitePage>
    </SiteBody>
  );
}

/**
 * `/nieuwsbrief/bijna-klaar` (apps/site/app/routes/nieuwsbrief.bijna-klaar.tsx): where a
 * successful signup lands (post/redirect/get), on every page that has the form.
 */
function ThanksPage() {
  return (
    <SiteBody>
      <SitePage currentPath="/nieuwsbrief/bijna-klaar">
        <Stack space="lg">
          <Heading level={1}>Bijna klaar: check je mailbox</Heading>
          <Text>
            Ik heb je een e-mail gestuurd. Druk op de knop in die mail om je aanmelding te
            bevestigen. Pas daarna ontvang je de ‘Updates’.
          </Text>
          <Text>
            Niets ontvangen? Kijk ook even in je map met ongewenste mail, of{" "}
            <Link href="/nieuwsbrief/nieuwe-link">vraag een nieuwe bevestigingsmail aan</Link>.
          </Text>
          <Text>
            <Link href="/artikelen">Verder lezen in de artikelen</Link>
          </Text>
        </Stack>
      </SitePage>
    </SiteBody>
  );
}

const signupPageOutline = [
  "h1 Nieuwsbrief: de ‘Updates’",
  "h2 Wil jij een gratis abonnement op mijn tweemaandelijkse ‘Updates’?",
];

/** Checks every state of `/nieuwsbrief` shares with the shipped page. */
async function checkSignupPage(canvasElement: HTMLElement, outline: string[]) {
  const canvas = within(canvasElement);
  await expect(canvas.getAllByRole("heading", { level: 1 })).toHaveLength(1);
  await expect(canvas.getByRole("heading", { level: 1 })).toHaveTextContent(/Updates/);
  await expect(canvas.getByRole("link", { name: "Nieuwsbrief" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  // The shipped page's structure, in order: a heading added, dropped, renamed or moved fails.
  await expect(headingOutline(canvasElement)).toEqual(outline);
  await expect(landmarkOutline(canvasElement)).toEqual([
    "header",
    "nav Hoofdmenu",
    "main",
    "footer",
  ]);
  await expect(canvas.getByRole("checkbox", { name: newsletterConsentText })).toBeInTheDocument();
}

const meta = {
  title: "Pages/Newsletter",
  component: NewsletterPage,
  argTypes: {
    // What the server can answer on this page (the site sends no JavaScript, so no
    // "submitting"; a successful signup is the next page, AfterSignup).
    status: { control: "inline-radio", options: ["idle", "invalid", "error"] },
  },
  play: async ({ canvasElement }) => checkSignupPage(canvasElement, signupPageOutline),
} satisfies Meta<typeof NewsletterPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {};

/** The server's answer to a failed post, as rendered without JavaScript. */
export const AfterFailedSubmit: Story = {
  args: {
    status: "invalid",
    // The server's own message for this address (packages/newsletter/src/messages.ts).
    errors: { email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl." },
    values: { firstName: "Anna", email: "anna@voorbeeld", consent: true },
  },
  play: async ({ canvasElement }) => {
    await checkSignupPage(canvasElement, [...signupPageOutline, "h3 Er is een probleem"]);
    const heading = within(canvasElement).getByRole("heading", { name: "Er is een probleem" });
    await waitFor(() => expect(heading.parentElement).toHaveFocus());
  },
};

/** After a successful signup the visitor lands on `/nieuwsbrief/bijna-klaar`. */
export const AfterSignup: Story = {
  render: () => <ThanksPage />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(headingOutline(canvasElement)).toEqual(["h1 Bijna klaar: check je mailbox"]);
    // Not a page of the menu, but in the Nieuwsbrief section.
    await expect(canvas.getByRole("link", { name: "Nieuwsbrief" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    // A short page: the frame is at least a screen high, so the footer sits at the bottom of
    // the window, never halfway up it.
    const footer = canvas.getByRole("contentinfo");
    await expect(Math.round(footer.getBoundingClientRect().bottom)).toBeGreaterThanOrEqual(
      window.innerHeight,
    );
  },
};

export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
/** A reader whose system prefers dark: the page follows it. */
export const DarkColorScheme: Story = {
  ...darkColorScheme,
  play: async () => {
    // The page follows the reader's dark setting (CSS only), with the dark theme's colours.
    await expect(getComputedStyle(document.body).backgroundColor).toBe("rgb(18, 22, 25)");
  },
};
