import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { brandColors } from "../../theme/tokens";
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

/** Keyboard focus on a box with an error: the focus ring, not the error outline, shows. */
export const WithErrorFocused: Story = {
  args: WithError.args,
  play: async ({ canvasElement }) => {
    const box = within(canvasElement).getByRole("checkbox");
    const errorOutline = getComputedStyle(box).outlineColor;
    await userEvent.tab();
    await expect(box).toHaveFocus();
    await expect(box.matches(":focus-visible")).toBe(true);
    const focused = getComputedStyle(box);
    await expect(focused.outlineColor).not.toBe(errorOutline);
    await expect(focused.outlineColor).toBe(hexToRgb(brandColors.focus));
  },
};

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

export const WithHint: Story = { args: { hint: "Afmelden kan altijd weer." } };

export const CampaignTheme: Story = { ...campaignTheme, args: WithError.args };
export const DarkTheme: Story = { ...darkTheme, args: WithError.args };
export const NarrowViewport: Story = { ...narrowViewport, args: WithError.args };
