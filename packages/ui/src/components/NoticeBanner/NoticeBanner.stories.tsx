import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { NoticeBanner } from "./NoticeBanner";

const meta = {
  title: "Components/NoticeBanner",
  component: NoticeBanner,
  args: {
    title: "Voorbeeld",
    children:
      "Deze campagne is nog niet gepubliceerd. Alleen wie de voorbeeldlink heeft, ziet deze pagina.",
  },
} satisfies Meta<typeof NoticeBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
export const Readable: Story = {
  play: async ({ canvasElement }) => {
    const note = within(canvasElement).getByRole("note");
    await expect(note).toHaveTextContent(/^Voorbeeld: Deze campagne/);
  },
};
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  ...narrowViewport,
};
