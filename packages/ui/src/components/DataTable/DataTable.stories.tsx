import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { DataTable } from "./DataTable";

const meta = {
  title: "Components/DataTable",
  component: DataTable,
  args: {
    caption: "Per campagne",
    columns: [
      { header: "Campagne" },
      { header: "Status" },
      { header: "Bezoeken", numeric: true },
      { header: "Aanmeldingen", numeric: true },
      { header: "Conversie", numeric: true },
    ],
    rows: [
      { key: "webinar", header: "Webinar ketensamenwerking", cells: ["online", 1240, 86, "5,4%"] },
      { key: "workshop", header: "Workshop teamontwikkeling", cells: ["concept", 0, 0, "–"] },
    ],
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof DataTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
/** Column and row headers, so a screen reader names each figure by its row and column. */
export const Headers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("table", { name: "Per campagne" })).toBeInTheDocument();
    await expect(canvas.getAllByRole("columnheader")).toHaveLength(5);
    await expect(canvas.getAllByRole("rowheader")).toHaveLength(2);
  },
};
export const Empty: Story = { args: { rows: [] } };
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
/** A wide table scrolls inside its box; the page does not. */
export const NarrowViewport: Story = {
  ...narrowViewport,
  play: async ({ canvasElement }) => {
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
    await expect(canvasElement).toBeTruthy();
  },
};
