import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ComponentProps } from "react";
import { expect, waitFor, within } from "storybook/test";
import { Container } from "../components/Container";
import { SignupForm } from "../components/SignupForm";
import { Stack } from "../components/Stack";
import { Text } from "../components/Text";
import { SitePage } from "../fixtures/site";
import { consentLabel, darkTheme, narrowViewport } from "../stories/globals";

type NewsletterPageProps = Pick<ComponentProps<typeof SignupForm>, "status" | "errors" | "values">;

/** `/nieuwsbrief`: the signup form is the page, so its title is the page's h1. */
function NewsletterPage(props: NewsletterPageProps) {
  return (
    <SitePage current="/nieuwsbrief">
      <Container width="text">
        <Stack space="xl">
          <SignupForm
            {...props}
            action="/nieuwsbrief"
            consentLabel={consentLabel}
            headingLevel={1}
            hiddenFields={{ formToken: "voorbeeld-token", source: "/nieuwsbrief" }}
          />
          <Text size="small" tone="muted">
            Je gegevens worden alleen gebruikt om je de Updates te sturen. Elke mail heeft een
            afmeldlink; afmelden werkt meteen.
          </Text>
        </Stack>
      </Container>
    </SitePage>
  );
}

const meta = {
  title: "Pages/Newsletter",
  component: NewsletterPage,
  argTypes: {
    status: {
      control: "inline-radio",
      options: ["idle", "submitting", "invalid", "success", "error"],
    },
  },
} satisfies Meta<typeof NewsletterPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { level: 1 })).toHaveTextContent(/Updates/);
  },
};

/** The server's answer to a failed post, as rendered without JavaScript. */
export const AfterFailedSubmit: Story = {
  args: {
    status: "invalid",
    errors: { email: "Vul een e-mailadres in zoals naam@voorbeeld.nl" },
    values: { firstName: "Anna", email: "anna@voorbeeld" },
  },
  play: async ({ canvasElement }) => {
    const heading = within(canvasElement).getByRole("heading", { name: "Er is een probleem" });
    await waitFor(() => expect(heading.parentElement).toHaveFocus());
  },
};

export const AfterSignup: Story = { args: { status: "success" } };
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
