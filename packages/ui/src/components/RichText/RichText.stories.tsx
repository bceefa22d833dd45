import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { RichText } from "./RichText";

const html = `<h2>Waarom dit webinar?</h2>
<p>In veel ketens voelt de samenwerking als <strong>opdrachtgever tegenover opdrachtnemer</strong>. Dat kost vaart.</p>
<ul><li><strong>Vertrouwen</strong> als basis</li><li><strong>Conflict</strong> durven aangaan</li><li><strong>Resultaten</strong> samen bewaken</li></ul>
<p>Lees ook <a href="#artikel">het artikel over gelijkwaardigheid</a>.</p>`;

const meta = {
  title: "Components/RichText",
  component: RichText,
  args: { html },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RichText>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
export const Structure: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { level: 2 })).toBeInTheDocument();
    await expect(canvas.getAllByRole("listitem")).toHaveLength(3);
  },
};
export const OneParagraph: Story = { args: { html: "<p>Een korte alinea.</p>" } };
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  ...narrowViewport,
};
