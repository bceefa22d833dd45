import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { EventDetails } from "./EventDetails";

const meta = {
  title: "Components/EventDetails",
  component: EventDetails,
  args: {
    name: "Webinar: gelijkwaardig samenwerken in de keten",
    date: "2027-03-12",
    dateLabel: "vrijdag 12 maart 2027",
    timeLabel: "12:00 – 13:00 uur",
    location: "Online",
    details: "Je krijgt de link een dag van tevoren per mail.",
    calendar: { href: "/webinar/agenda.ics", label: "Zet in je agenda" },
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof EventDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
/** Date, time and place as a description list; the calendar file is a download link. */
export const Semantics: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector("time")).toHaveAttribute("datetime", "2027-03-12");
    await expect(canvas.getAllByRole("term")).toHaveLength(3);
    const link = canvas.getByRole("link", { name: "Zet in je agenda" });
    await expect(link).toHaveAttribute("download");
  },
};
export const AtAPlace: Story = {
  args: {
    location: "Kantoor Alwel",
    address: "Noordendijk 250, Dordrecht",
    details: undefined,
  },
};
export const WithoutCalendar: Story = { args: { calendar: undefined } };
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
/** At 320 px the calendar button's label, as campaign pages word it, stays on one line. */
export const NarrowViewport: Story = {
  args: {
    ...AtAPlace.args,
    calendar: { href: "/webinar/agenda.ics", label: "Zet in je agenda (.ics)" },
  },
  ...narrowViewport,
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole("link", { name: "Zet in je agenda (.ics)" });
    const text = document.createRange();
    text.selectNodeContents(link);
    const lineTops = new Set([...text.getClientRects()].map((rect) => Math.round(rect.top)));
    await expect(lineTops.size).toBe(1);
  },
};
