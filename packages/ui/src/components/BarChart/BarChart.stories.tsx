import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { BarChart, type BarChartGroup } from "./BarChart";

const days = ["8 mrt", "9 mrt", "10 mrt", "11 mrt", "12 mrt", "13 mrt", "14 mrt"];
const visits = [12, 40, 33, 25, 61, 18, 9];
const signups = [1, 6, 4, 2, 9, 1, 0];
const confirmed = [1, 5, 3, 2, 7, 1, 0];

/**
 * 60 days of a campaign from 1 March: quiet weekends, a mailing on day 15 and a LinkedIn post
 * on day 40, labelled as the landing app labels its days.
 */
const sixtyDays: BarChartGroup[] = Array.from({ length: 60 }, (_, i) => {
  const label = i < 31 ? `${i + 1} mrt` : `${i - 30} apr`;
  const weekend = i % 7 === 5 || i % 7 === 6;
  const spike = i === 14 ? 90 : i === 39 ? 60 : i === 15 || i === 40 ? 30 : 0;
  const dayVisits = (weekend ? 8 : 22) + ((i * 7) % 11) + spike;
  const daySignups = Math.round(dayVisits / 9);
  return { label, values: [dayVisits, daySignups, Math.max(0, daySignups - (i % 3))] };
});

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

/** A campaign's first days: the chart is only as wide as its days and sits on the left. */
export const FewDays: Story = {
  args: {
    groups: [
      { label: "1 mrt", values: [14, 2, 1] },
      { label: "2 mrt", values: [31, 4, 4] },
      { label: "3 mrt", values: [22, 1, 0] },
    ],
  },
};

export const NoData: Story = { args: { groups: [] } };

/**
 * 60 days keep the size of a few: each day its own width, labels at the small text size. The
 * chart scrolls sideways inside a focusable region and opens on the newest days.
 */
export const ManyDays: Story = {
  args: { groups: sixtyDays },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = canvas.getByRole("region", { name: /^Grafiek: Per dag/ });
    await expect(region).toHaveAttribute("tabindex", "0");
    await expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
    const newest = within(region).getByText("29 apr").getBoundingClientRect();
    await expect(newest.right).toBeLessThanOrEqual(region.getBoundingClientRect().right);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
  },
};

export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const ManyDaysCampaignTheme: Story = { ...ManyDays, ...campaignTheme };
export const ManyDaysDarkTheme: Story = { ...ManyDays, ...darkTheme };
export const NarrowViewport: Story = {
  ...narrowViewport,
};
/** 60 days on a 320 px phone: the labels stay at the small text size, the page does not widen. */
export const ManyDaysNarrowViewport: Story = { ...ManyDays, ...narrowViewport };
