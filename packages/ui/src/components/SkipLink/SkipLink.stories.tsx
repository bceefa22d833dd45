import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Heading } from "../Heading";
import { Link } from "../Link";
import { SkipLink } from "./SkipLink";

const meta = {
  title: "Primitives/SkipLink",
  component: SkipLink,
  args: { children: "Direct naar de inhoud", targetId: "main" },
  render: (args) => (
    <>
      <SkipLink {...args} />
      <nav aria-label="Hoofdmenu" style={{ padding: "5rem 1rem 1rem" }}>
        <Link href="#menu">Menu</Link>
      </nav>
      <main id="main" tabIndex={-1} style={{ padding: "1rem" }}>
        <Heading level={1}>Inhoud</Heading>
      </main>
    </>
  ),
} satisfies Meta<typeof SkipLink>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Hidden until it has focus: press Tab in the canvas to see it. */
export const Playground: Story = {};

async function tabToSkipLink(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.tab();
  const skip = canvas.getByRole("link", { name: "Direct naar de inhoud" });
  await expect(skip).toHaveFocus();
  return skip;
}

/**
 * Tab once: the skip link appears, big enough to hit (44 CSS px high), and points at a
 * focusable main landmark. (Following it is covered by the apps' end-to-end tests:
 * navigating would reload the test frame here.)
 */
export const FirstTabStop: Story = {
  play: async ({ canvasElement }) => {
    const skip = await tabToSkipLink(canvasElement);
    const box = skip.getBoundingClientRect();
    await expect(box.top).toBeGreaterThanOrEqual(0);
    await expect(box.height).toBeGreaterThanOrEqual(44);
    const main = within(canvasElement).getByRole("main");
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

const focused: Story = {
  play: async ({ canvasElement }) => {
    await tabToSkipLink(canvasElement);
  },
};

export const CampaignTheme: Story = { ...campaignTheme, ...focused };
export const DarkTheme: Story = { ...darkTheme, ...focused };
export const NarrowViewport: Story = { ...narrowViewport, ...focused };
