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
/**
 * `narrowLayout="stack"` at 320 px: every row is a block of label–figure lines, so every
 * figure is readable without scrolling sideways.
 */
export const StackedWhenNarrow: Story = {
  ...narrowViewport,
  args: { narrowLayout: "stack" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole("table", { name: "Per campagne" });
    const region = table.parentElement as HTMLElement;
    // Nothing to scroll: the table fits its box, and the page fits the screen.
    await expect(table.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
    // Still a table for screen readers: column headers and a header per row.
    await expect(canvas.getAllByRole("columnheader")).toHaveLength(5);
    await expect(canvas.getAllByRole("rowheader")).toHaveLength(2);
    // Each figure shows its column header next to it.
    const cell = canvas.getAllByRole("cell")[2] as HTMLElement;
    await expect(getComputedStyle(cell, "::before").content).toBe('"Aanmeldingen"');
    await expect(cell.getBoundingClientRect().right).toBeLessThanOrEqual(
      region.getBoundingClientRect().right,
    );
  },
};
/** `narrowLayout="stack"` on a wide screen: an ordinary table. */
export const StackedWhenWide: Story = {
  args: { narrowLayout: "stack" },
  play: async ({ canvasElement }) => {
    const cell = within(canvasElement).getAllByRole("cell")[2] as HTMLElement;
    await expect(getComputedStyle(cell).display).toBe("table-cell");
    await expect(getComputedStyle(cell, "::before").content).toBe("none");
  },
};
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
