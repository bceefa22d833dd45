import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Faq } from "./Faq";

const meta = {
  title: "Components/Faq",
  component: Faq,
  args: {
    items: [
      { question: "Wat kost het webinar?", answer: "Niets. Het webinar is gratis." },
      {
        question: "Krijg ik de opname?",
        answer: "Ja, iedereen die zich aanmeldt krijgt de opname een dag later per mail.",
      },
      {
        question: "Is het geschikt voor mijn hele team?",
        answer: "Zeker: meld je collega’s apart aan, dan krijgt ieder de link.",
      },
    ],
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Faq>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
/**
 * A rule between questions, none after the last: the block that follows on a page brings
 * its own edge, and two rules in a row would read as a double line.
 */
export const RulesBetweenQuestions: Story = {
  play: async ({ canvasElement }) => {
    const items = [...canvasElement.querySelectorAll("details")];
    const rule = (item: Element) => getComputedStyle(item).borderBlockEndStyle;
    await expect(items.slice(0, -1).map(rule)).toEqual(items.slice(0, -1).map(() => "solid"));
    await expect(rule(items.at(-1) as Element)).toBe("none");
  },
};

/**
 * Each question is a tab stop and opens its answer; a native disclosure, no script needed.
 * (Enter and Space are the browser's own behaviour for `<summary>`; the apps' end-to-end
 * tests press them in a real browser.)
 */
export const OpensWithKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const question = canvas.getByText("Wat kost het webinar?");
    const details = question.closest("details") as HTMLDetailsElement;
    await expect(details.open).toBe(false);
    await userEvent.click(canvasElement);
    await userEvent.tab();
    await expect(question.closest("summary")).toHaveFocus();
    await userEvent.click(question);
    await expect(details.open).toBe(true);
    await expect(canvas.getByText("Niets. Het webinar is gratis.")).toBeVisible();
  },
};
export const OneQuestion: Story = {
  args: { items: [{ question: "Wat kost het?", answer: "Niets." }] },
};
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  ...narrowViewport,
};
