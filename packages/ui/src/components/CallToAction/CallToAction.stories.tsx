import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { CallToAction } from "./CallToAction";

const meta = {
  title: "Components/CallToAction",
  component: CallToAction,
  args: {
    heading: "Liever een gesprek over jouw keten?",
    text: "Plan een kennismaking van een half uur. Vrijblijvend, en je hoort meteen of ik je verder kan helpen.",
    action: { label: "Plan een kennismaking", href: "#contact" },
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof CallToAction>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
/** A landmark named by its heading, with one link. */
export const Semantics: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("region", { name: /Liever een gesprek/ })).toBeInTheDocument();
    await expect(canvas.getAllByRole("link")).toHaveLength(1);
  },
};
export const HeadingOnly: Story = { args: { text: undefined } };
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  ...narrowViewport,
};
