import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  darkTheme,
  exampleSignupForm,
  headingOutline,
  landmarkOutline,
  narrowViewport,
  newsletterConsentText,
  readerPrefersDark,
} from "@vaart/testing/stories";
import { defaultSignupCopy } from "@vaart/ui";
import type { SignupOutcome } from "@vaart/web/signup-form";
import { expect, waitFor, within } from "storybook/test";
import { NewsletterPage as NewsletterPageBody } from "./NewsletterPage";
import { SiteBody } from "./story-fixtures";
import { ThanksPage as ThanksPageBody } from "./ThanksPage";

interface NewsletterPageProps {
  /** What the server can answer on this page (the site sends no JavaScript). */
  status?: "idle" | "invalid" | "error";
  errors?: Extract<SignupOutcome, { status: "invalid" }>["errors"];
  values?: Partial<Extract<SignupOutcome, { status: "invalid" }>["values"]>;
}

/**
 * `/nieuwsbrief`: the app's own page component. After a failed post the server answers the
 * same page with the errors and the values (the action's outcome, `status="invalid"`).
 */
function NewsletterPage({ status = "idle", errors = {}, values = {} }: NewsletterPageProps) {
  const kept = { email: "", firstName: "", consent: false, ...values };
  const outcome: SignupOutcome | undefined =
    status === "invalid"
      ? { status: "invalid", errors, values: kept }
      : status === "error"
        ? {
            status: "error",
            title: defaultSignupCopy.serverErrorTitle,
            message: String(defaultSignupCopy.serverErrorBody),
            values: kept,
          }
        : undefined;
  return (
    <SiteBody>
      <NewsletterPageBody form={exampleSignupForm} outcome={outcome} />
    </SiteBody>
  );
}

/** `/nieuwsbrief/bijna-klaar`: where a successful signup lands (post/redirect/get). */
function ThanksPage() {
  return (
    <SiteBody>
      <ThanksPageBody />
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
export const DarkColorScheme: Story = { ...readerPrefersDark };
