import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { Button } from "./Button";

const meta = {
  title: "Primitives/Button",
  component: Button,
  args: { children: "Aanmelden", onClick: fn() },
  argTypes: { variant: { control: "inline-radio", options: ["primary", "secondary"] } },
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
export const CampaignTheme: Story = { globals: { theme: "campaign" } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
