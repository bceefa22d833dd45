import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Button } from "./Button";

const meta = {
  title: "Forms/Button",
  component: Button,
  args: { children: "Aanmelden", onClick: fn() },
  argTypes: { variant: { control: "inline-radio", options: ["primary", "secondary"] } },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
export const Secondary: Story = { args: { variant: "secondary", children: "Lees verder" } };

/** Busy keeps focus and ignores presses, so nothing is submitted twice. */
export const Busy: Story = {
  args: { busy: true, children: "Bezig met aanmelden…" },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole("button");
    await userEvent.click(button);
    await expect(args.onClick).not.toHaveBeenCalled();
    await expect(button).toHaveAttribute("aria-disabled", "true");
    button.focus();
    await expect(button).toHaveFocus();
  },
};

export const LongLabel: Story = {
  args: { children: "Stuur mij het werkboek over gelijkwaardige ketensamenwerking" },
};
/** At least 44 × 44 CSS px, so fingers hit it (WCAG 2.5.8 asks 24). */
export const TouchTarget: Story = {
  tags: ["test-only"],
  args: { children: "Ok" },
  play: async ({ canvasElement }) => {
    const box = within(canvasElement).getByRole("button").getBoundingClientRect();
    await expect(box.height).toBeGreaterThanOrEqual(44);
  },
};

export const CampaignTheme: Story = { ...campaignTheme };
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport, args: LongLabel.args };
