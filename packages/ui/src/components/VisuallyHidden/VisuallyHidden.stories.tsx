import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Link } from "../Link";
import { VisuallyHidden } from "./VisuallyHidden";

const meta = {
  title: "Primitives/VisuallyHidden",
  component: VisuallyHidden,
  args: { children: " over gelijkwaardigheid in de keten" },
  render: (args) => (
    <div style={{ padding: "1.5rem" }}>
      <Link href="/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk">
        Lees meer
        <VisuallyHidden {...args} />
      </Link>
    </div>
  ),
} satisfies Meta<typeof VisuallyHidden>;

export default meta;
type Story = StoryObj<typeof meta>;

/** On screen "Lees meer"; a screen reader hears where the link goes. */
export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole("link", {
      name: "Lees meer over gelijkwaardigheid in de keten",
    });
    const hidden = link.querySelector("span") as HTMLElement;
    const box = hidden.getBoundingClientRect();
    await expect(box.width).toBeLessThanOrEqual(1);
    await expect(box.height).toBeLessThanOrEqual(1);
  },
};

export const CampaignTheme: Story = { ...campaignTheme };
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
