import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Checkbox } from "../Checkbox";
import { Stack } from "../Stack";
import { TextField } from "../TextField";
import { ErrorSummary } from "./ErrorSummary";

const errors = [
  { fieldId: "contact-email", message: "Vul een e-mailadres in zoals naam@voorbeeld.nl" },
  { fieldId: "contact-consent", message: "Vink aan dat je de Updates wilt ontvangen" },
];

const meta = {
  title: "Forms/ErrorSummary",
  component: ErrorSummary,
  args: { title: "Er is een probleem", errors, headingLevel: 2 },
  argTypes: { headingLevel: { control: "inline-radio", options: [1, 2, 3, 4] } },
  // The fields the summary links to, as in a real form.
  render: (args) => (
    <Stack space="lg" padding="lg" style={{ maxWidth: "40rem" }}>
      <ErrorSummary {...args} />
      <TextField
        id="contact-email"
        label="E-mailadres"
        defaultValue="anna@"
        error={args.errors.find((e) => e.fieldId === "contact-email")?.message}
      />
      <Checkbox
        id="contact-consent"
        label="Ja, ik wil de Updates ontvangen."
        error={args.errors.find((e) => e.fieldId === "contact-consent")?.message}
      />
    </Stack>
  ),
} satisfies Meta<typeof ErrorSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** It takes focus on render, so its title is the first thing a screen reader says. */
export const FocusOnRender: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const title = canvas.getByRole("heading", { name: "Er is een probleem" });
    const summary = title.parentElement as HTMLElement;
    await waitFor(() => expect(summary).toHaveFocus());
    // The title is the summary's first content: read before the list.
    await expect(summary.firstElementChild).toBe(title);
    // Announced by its title when it takes focus: a group named by the heading.
    await expect(canvas.getByRole("group", { name: "Er is een probleem" })).toBe(summary);
    // No live region: focus already reads it out; an alert as well would read it twice.
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

/** Each entry links to its field; following it puts focus in the field. */
export const LinkMovesFocusToField: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const link = canvas.getByRole("link", { name: errors[0]?.message });
    await expect(link).toHaveAttribute("href", "#contact-email");
    await userEvent.click(link);
    await expect(canvas.getByRole("textbox", { name: /E-mailadres/ })).toHaveFocus();
    await userEvent.click(canvas.getByRole("link", { name: errors[1]?.message }));
    await expect(canvas.getByRole("checkbox")).toHaveFocus();
  },
};

export const OneError: Story = { args: { errors: errors.slice(0, 1) } };

export const WithDescription: Story = {
  args: { description: "Controleer de gemarkeerde velden en verstuur het formulier opnieuw." },
};

/** No errors: nothing is rendered, and focus stays where it was. */
export const NoErrors: Story = {
  tags: ["test-only"],
  args: { errors: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("heading")).toBeNull();
  },
};

export const CampaignTheme: Story = { ...campaignTheme };
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
