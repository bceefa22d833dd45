import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { Checkbox } from "./Checkbox";

const meta = {
  title: "Primitives/Checkbox",
  component: Checkbox,
  args: {
    label: "Ja, ik wil de tweemaandelijkse Updates ontvangen.",
    name: "consent",
    value: "yes",
  },
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
