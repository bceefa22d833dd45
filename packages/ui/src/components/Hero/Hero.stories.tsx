import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Hero } from "./Hero";

const illustration = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 400"><rect width="600" height="400" fill="#d9e8e4"/><circle cx="220" cy="200" r="110" fill="#0a6660" opacity=".7"/><circle cx="380" cy="200" r="110" fill="#b3420e" opacity=".6"/></svg>',
)}`;

const meta = {
  title: "Components/Hero",
  component: Hero,
  args: {
    heading: "Webinar: gelijkwaardig samenwerken in de keten",
    subheading:
      "Hoe woningcorporaties en onderhoudsbedrijven van opdrachtgever en opdrachtnemer naar partners groeien. Een uur, online, met ruimte voor je eigen vragen.",
    action: { label: "Meld je gratis aan", href: "#aanmelden" },
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "2rem 1.5rem", maxWidth: "72rem", margin: "0 auto" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Hero>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** The heading is the page's h1; the action is a link. */
export const Outline: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { level: 1 })).toHaveTextContent(/Webinar/);
    await expect(canvas.getByRole("link", { name: "Meld je gratis aan" })).toHaveAttribute(
      "href",
      "#aanmelden",
    );
  },
};
export const WithImage: Story = {
  args: {
    image: {
      src: illustration,
      alt: "Twee overlappende cirkels: opdrachtgever en opdrachtnemer",
      width: 600,
      height: 400,
    },
  },
};
export const HeadingOnly: Story = { args: { subheading: undefined, action: undefined } };
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  args: WithImage.args,
  ...narrowViewport,
};
