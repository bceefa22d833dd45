import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { signupMessages } from "../../signup-contract";
import { SignupForm, type SignupFormProps, type SignupFormStatus } from "./SignupForm";

const consentLabel =
  "Ja, ik wil de tweemaandelijkse Updates ontvangen. Mijn gegevens worden alleen daarvoor gebruikt.";

/** The error summary: the box around its "Er is een probleem" heading. */
async function findErrorSummary(canvas: ReturnType<typeof within>) {
  const heading = await canvas.findByRole("heading", { name: "Er is een probleem" });
  return heading.parentElement as HTMLElement;
}

const meta = {
  title: "Components/SignupForm",
  component: SignupForm,
  args: {
    action: "/nieuwsbrief",
    consentLabel,
    hiddenFields: { formToken: "voorbeeld-token", source: "/artikelen/voorbeeld" },
    // In Storybook nothing is posted anywhere: a valid submit is caught here.
    onSubmit: fn((event) => event.preventDefault()),
  },
  argTypes: {
    status: {
      control: "inline-radio",
      options: ["idle", "submitting", "invalid", "success", "error"],
    },
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "44rem", margin: "0 auto", padding: "2rem 1rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SignupForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const consent = canvas.getByRole("checkbox", { name: consentLabel });
    await expect(consent).not.toBeChecked();
    await expect(canvas.getByRole("textbox", { name: /E-mailadres/ })).toBeRequired();
    const form = canvasElement.querySelector("form");
    await expect(form?.getAttribute("method")).toBe("post");
    await expect(form?.getAttribute("action")).toBe("/nieuwsbrief");
    // The honeypot: present for bots, out of the tab order and out of the accessibility tree.
    const honeypot = canvas.getByLabelText("Laat dit veld leeg");
    await expect(honeypot.tabIndex).toBe(-1);
    await expect(honeypot.getAttribute("autocomplete")).toBe("off");
    await expect(getComputedStyle(honeypot.parentElement as HTMLElement).display).not.toBe("none");
    // Hidden from screen readers too: a visitor who fills it would have the signup dropped.
    await expect(canvas.queryByRole("textbox", { name: "Laat dit veld leeg" })).toBeNull();
    const hidden = form?.querySelector<HTMLInputElement>('input[type="hidden"][name="source"]');
    await expect(hidden?.value).toBe("/artikelen/voorbeeld");
  },
};

/** Submit empty → summary takes focus → fix → errors gone. */
export const ErrorFlow: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Aanmelden" }));

    const summary = await findErrorSummary(canvas);
    // Focus moves in an effect right after the summary appears.
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(
      within(summary).getByRole("link", { name: signupMessages.emailRequired }),
    ).toHaveAttribute("href", "#signup-email");
    const email = canvas.getByRole("textbox", { name: /E-mailadres/ });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(
      expect.stringContaining(`Fout: ${signupMessages.emailRequired}`),
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();

    // The summary's link takes the reader to the field.
    await userEvent.click(
      within(summary).getByRole("link", { name: signupMessages.emailRequired }),
    );
    await expect(email).toHaveFocus();
    await userEvent.type(email, "anna@voorbeeld.nl");
    await userEvent.click(canvas.getByRole("checkbox", { name: consentLabel }));
    await userEvent.click(canvas.getByRole("button", { name: "Aanmelden" }));

    await waitFor(() =>
      expect(canvas.queryByRole("heading", { name: "Er is een probleem" })).toBeNull(),
    );
    await expect(email).not.toHaveAttribute("aria-invalid");
    await expect(args.onSubmit).toHaveBeenCalledTimes(1);
  },
};

export const InvalidEmail: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: /E-mailadres/ }), "anna@voorbeeld");
    await userEvent.click(canvas.getByRole("checkbox", { name: consentLabel }));
    await userEvent.click(canvas.getByRole("button", { name: "Aanmelden" }));
    const summary = await findErrorSummary(canvas);
    await expect(within(summary).getAllByRole("link")).toHaveLength(1);
    await expect(summary).toHaveTextContent(signupMessages.emailInvalid);
    // What the reader typed is still there.
    await expect(canvas.getByRole("textbox", { name: /E-mailadres/ })).toHaveValue(
      "anna@voorbeeld",
    );
    await expect(canvas.getByRole("checkbox", { name: consentLabel })).toBeChecked();
  },
};

/** As rendered by the server after a failed post (works without JavaScript). */
export const ServerFieldErrors: Story = {
  args: {
    status: "invalid",
    errors: {
      email: signupMessages.emailInvalid,
      consent: signupMessages.consentRequired,
    },
    values: { firstName: "Anna", email: "anna@@voorbeeld.nl" },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const summary = await findErrorSummary(canvas);
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(canvas.getByRole("textbox", { name: /Voornaam/ })).toHaveValue("Anna");
    await expect(canvas.getByRole("textbox", { name: /E-mailadres/ })).toHaveValue(
      "anna@@voorbeeld.nl",
    );
    await expect(canvas.getByRole("checkbox", { name: consentLabel })).toHaveAccessibleDescription(
      expect.stringContaining(`Fout: ${signupMessages.consentRequired}`),
    );
  },
};

export const Submitting: Story = {
  args: { status: "submitting", values: { email: "anna@voorbeeld.nl", consent: true } },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole("button", { name: "Bezig met aanmelden…" });
    await expect(button).toHaveAttribute("aria-disabled", "true");
  },
};

export const Success: Story = {
  args: { status: "success" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("status")).toHaveTextContent("Bijna klaar: check je mailbox");
    await expect(canvas.queryByRole("textbox")).toBeNull();
  },
};

export const ServerError: Story = {
  args: {
    status: "error",
    values: { firstName: "Anna", email: "anna@voorbeeld.nl", consent: true },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The notice's heading takes focus, so the reader hears what went wrong first.
    const heading = canvas.getByRole("heading", { name: "Aanmelden lukte nu niet" });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(canvas.getByRole("textbox", { name: /E-mailadres/ })).toHaveValue(
      "anna@voorbeeld.nl",
    );
  },
};

export const LongValues: Story = {
  args: {
    status: "invalid",
    errors: { firstName: signupMessages.firstNameTooLong },
    values: {
      firstName: "Wilhelmina-Maria-Theodora-Josephina-Gerardina-Johanna-Cornelia-Adriana-Hendrika",
      email: "hoofdbewonerscommissievertegenwoordiger@woningcorporatieonderhoudsbedrijven.nl",
      consent: true,
    },
  },
};

/** How an app drives the states: a stand-in for a server round trip. */
function SimulatedServer(props: SignupFormProps) {
  const [status, setStatus] = useState<SignupFormStatus>("idle");
  return (
    <SignupForm
      {...props}
      status={status}
      onSubmit={(event) => {
        event.preventDefault();
        setStatus("submitting");
        setTimeout(() => setStatus("success"), 300);
      }}
    />
  );
}

export const SubmitToSuccess: Story = {
  render: (args) => <SimulatedServer {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: /E-mailadres/ }), "anna@voorbeeld.nl");
    await userEvent.click(canvas.getByRole("checkbox", { name: consentLabel }));
    await userEvent.click(canvas.getByRole("button", { name: "Aanmelden" }));
    await expect(await canvas.findByRole("button", { name: "Bezig met aanmelden…" })).toBeVisible();
    const status = await canvas.findByRole("status");
    const heading = within(status).getByRole("heading");
    await waitFor(() => expect(heading).toHaveFocus());
  },
};

/** An app re-rendering with equal props must not wipe what the browser found. */
function RerenderingParent(props: SignupFormProps) {
  const [, setTick] = useState(0);
  return (
    <>
      <SignupForm {...props} status="idle" errors={{}} />
      <button type="button" onClick={() => setTick((n) => n + 1)}>
        Opnieuw tekenen
      </button>
    </>
  );
}

export const ErrorsSurviveRerender: Story = {
  tags: ["test-only"],
  render: (args) => <RerenderingParent {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Aanmelden" }));
    await findErrorSummary(canvas);
    await userEvent.click(canvas.getByRole("button", { name: "Opnieuw tekenen" }));
    await expect(canvas.getByRole("heading", { name: "Er is een probleem" })).toBeVisible();
  },
};

/** A campaign page: own copy, campaign hidden fields, campaign theme. */
export const CampaignTheme: Story = {
  globals: { theme: "campaign" },
  args: {
    hiddenFields: {
      formToken: "voorbeeld-token",
      campaign: "teamdag-2026",
      utm_source: "linkedin",
    },
    copy: {
      title: "Ontvang het werkboek ‘Gelijkwaardig samenwerken in de keten’",
      intro: "Laat je e-mailadres achter, dan stuur ik je het werkboek en daarna de Updates.",
      submit: "Stuur mij het werkboek",
    },
  },
};

export const DarkTheme: Story = { globals: { theme: "dark" } };

export const NarrowViewport: Story = {
  globals: { viewport: { value: "narrow", isRotated: false } },
};
