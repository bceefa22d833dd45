import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Checkbox } from "./Checkbox";

const meta = {
  title: "Forms/Checkbox",
  component: Checkbox,
  args: {
    label: "Ja, ik wil de tweemaandelijkse Updates ontvangen.",
    name: "consent",
    value: "yes",
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem", maxWidth: "40rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Checkbox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const box = within(canvasElement).getByRole("checkbox");
    await expect(box).not.toBeChecked();
    // The whole label is a target, not just the small box.
    await userEvent.click(within(canvasElement).getByText(/Updates ontvangen/));
    await expect(box).toBeChecked();
  },
};

export const WithError: Story = {
  args: { error: "Vink aan dat je de Updates wilt ontvangen" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("checkbox")).toHaveAccessibleDescription(
      "Fout: Vink aan dat je de Updates wilt ontvangen",
    );
  },
};

export const WithHint: Story = { args: { hint: "Afmelden kan altijd weer." } };

export const CampaignTheme: Story = { ...campaignTheme, args: WithError.args };
export const DarkTheme: Story = { ...darkTheme, args: WithError.args };
export const NarrowViewport: Story = { ...narrowViewport, args: WithError.args };
