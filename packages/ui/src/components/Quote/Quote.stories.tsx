import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Quote } from "./Quote";

const meta = {
  title: "Components/Quote",
  component: Quote,
  args: {
    text: "We praten nu mét elkaar in plaats van over elkaar. De planning haalt het werk niet meer in.",
    name: "Marieke de Vries",
    role: "teamleider planmatig onderhoud",
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Quote>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
/** A figure with a blockquote and its caption: the quote is tied to who said it. */
export const Semantics: Story = {
  play: async ({ canvasElement }) => {
    const figure = within(canvasElement).getByRole("figure");
    await expect(figure.querySelector("blockquote")).not.toBeNull();
    await expect(figure.querySelector("figcaption")).toHaveTextContent("Marieke de Vries");
  },
};
export const WithoutRole: Story = { args: { role: undefined } };
export const LongQuote: Story = {
  args: {
    text: "Eerst dachten we dat het aan de planning lag, toen aan de aannemer, en daarna aan onszelf. Pas toen we met z’n allen aan tafel zaten en hardop zeiden wat we van elkaar verwachtten, ontstond er ruimte om afspraken echt na te komen.",
  },
};
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  ...narrowViewport,
};
