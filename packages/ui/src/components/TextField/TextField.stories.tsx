import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { TextField } from "./TextField";

const meta = {
  title: "Forms/TextField",
  component: TextField,
  args: {
    label: "E-mailadres",
    name: "email",
    type: "email",
    hint: "Bijvoorbeeld naam@voorbeeld.nl",
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem", maxWidth: "40rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

export const WithError: Story = {
  args: { error: "Vul een e-mailadres in zoals naam@voorbeeld.nl", defaultValue: "anna@" },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole("textbox", { name: "E-mailadres" });
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription(
      "Bijvoorbeeld naam@voorbeeld.nl Fout: Vul een e-mailadres in zoals naam@voorbeeld.nl",
    );
  },
};

export const WithoutHint: Story = { args: { hint: undefined, label: "Voornaam", type: "text" } };

export const CampaignTheme: Story = { ...campaignTheme, args: WithError.args };
export const DarkTheme: Story = { ...darkTheme, args: WithError.args };
export const NarrowViewport: Story = { ...narrowViewport, args: WithError.args };
