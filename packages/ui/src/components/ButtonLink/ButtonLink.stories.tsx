import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { ButtonLink } from "./ButtonLink";

const meta = {
  title: "Primitives/ButtonLink",
  component: ButtonLink,
  args: { href: "#aanmelden", children: "Meld je aan voor het webinar" },
  argTypes: { variant: { control: "inline-radio", options: ["primary", "secondary"] } },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ButtonLink>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** It looks like a button but stays a link, so it is announced and followed as one. */
export const IsALink: Story = {
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole("link", { name: "Meld je aan voor het webinar" });
    await expect(link).toHaveAttribute("href", "#aanmelden");
  },
};
export const Secondary: Story = { args: { variant: "secondary", children: "Zet in je agenda" } };
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  args: { children: "Download het gratis werkboek over gelijkwaardige ketensamenwerking" },
  ...narrowViewport,
};
