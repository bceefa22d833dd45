import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { VisuallyHidden } from "../VisuallyHidden";
import { SkipLink } from "./SkipLink";

const meta = {
  title: "Primitives/SkipLink and VisuallyHidden",
  component: SkipLink,
  render: (args) => (
    <>
      <SkipLink {...args} />
      <nav aria-label="Hoofdmenu" style={{ padding: "4rem 1rem 1rem" }}>
        <a href="#menu">Menu</a>
      </nav>
      <main id="main" tabIndex={-1} style={{ padding: "1rem" }}>
        <h1>
          Inhoud <VisuallyHidden>(alleen voor schermlezers)</VisuallyHidden>
        </h1>
      </main>
    </>
  ),
} satisfies Meta<typeof SkipLink>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = { args: { children: "Direct naar de inhoud", targetId: "main" } };

/**
 * Tab once: the skip link appears and points at a focusable main landmark. (Following it
 * is covered by the apps' end-to-end tests: navigating would reload the test frame here.)
 */
export const FirstTabStop: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    const skip = canvas.getByRole("link", { name: "Direct naar de inhoud" });
    await expect(skip).toHaveFocus();
    await expect(skip.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    const main = canvas.getByRole("main");
    await expect(skip).toHaveAttribute("href", `#${main.id}`);
    await expect(main.tabIndex).toBe(-1);
  },
};

export const HiddenUntilFocused: Story = {
  tags: ["test-only"],
  play: async ({ canvasElement }) => {
    const skip = within(canvasElement).getByRole("link", { name: "Direct naar de inhoud" });
    await expect(skip.getBoundingClientRect().bottom).toBeLessThanOrEqual(0);
  },
};
