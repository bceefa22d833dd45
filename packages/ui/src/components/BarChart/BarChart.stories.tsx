import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { BarChart } from "./BarChart";

const days = ["8 mrt", "9 mrt", "10 mrt", "11 mrt", "12 mrt", "13 mrt", "14 mrt"];
const visits = [12, 40, 33, 25, 61, 18, 9];
const signups = [1, 6, 4, 2, 9, 1, 0];
const confirmed = [1, 5, 3, 2, 7, 1, 0];

const meta = {
  title: "Components/BarChart",
  component: BarChart,
  args: {
    title: "Per dag: bezoeken, aanmeldingen en bevestigingen",
    series: ["Bezoeken", "Aanmeldingen", "Bevestigd"],
    groups: days.map((label, i) => ({
      label,
      values: [visits[i] ?? 0, signups[i] ?? 0, confirmed[i] ?? 0],
    })),
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem", maxWidth: "48rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof BarChart>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** The chart is one image named by its caption; the figures are also a table behind a disclosure. */
export const FiguresAsTable: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("img", { name: /Per dag/ })).toBeInTheDocument();
    await userEvent.click(canvas.getByText("Toon de cijfers als tabel"));
    await expect(canvas.getByRole("table")).toBeVisible();
    await expect(canvas.getAllByRole("row")).toHaveLength(days.length + 1);
  },
};
export const NoData: Story = { args: { groups: [] } };
export const ManyDays: Story = {
  args: {
    groups: Array.from({ length: 45 }, (_, i) => ({
      label: `${(i % 30) + 1}/${i < 30 ? 3 : 4}`,
      values: [(i * 7) % 50, i % 6, i % 4],
    })),
  },
};
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  ...narrowViewport,
};
