import type { Meta, StoryObj } from "@storybook/react-vite";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Heading } from "./Heading";

const meta = {
  title: "Primitives/Heading",
  component: Heading,
  args: { level: 1, children: "Is gelijkwaardigheid in een ketensamenwerking mogelijk?" },
  argTypes: {
    level: { control: "inline-radio", options: [1, 2, 3, 4] },
    size: { control: "inline-radio", options: [1, 2, 3, 4] },
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Heading>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

const scale = (
  <div style={{ display: "grid", gap: "1rem" }}>
    <Heading level={1}>Kop 1: Ketensamenwerking</Heading>
    <Heading level={2}>Kop 2: Wie betaalt, bepaalt</Heading>
    <Heading level={3}>Kop 3: Aan het werk!</Heading>
    <Heading level={4}>Kop 4: Onderlinge afhankelijkheid</Heading>
  </div>
);

/** The four levels at their own sizes. */
export const Scale: Story = { render: () => scale };

/** The outline and the look can differ: an h2 drawn at size 4 (asides, panels). */
export const SizeDiffersFromLevel: Story = {
  args: { level: 2, size: 4, children: "Onderlinge afhankelijkheid" },
};

/** Long Dutch compounds wrap instead of overflowing. */
export const LongDutchWord: Story = {
  args: { children: "Woningcorporatieonderhoudsketensamenwerkingsovereenkomst" },
  ...narrowViewport,
};

export const CampaignTheme: Story = { ...campaignTheme, render: () => scale };
export const DarkTheme: Story = { ...darkTheme, render: () => scale };
export const NarrowViewport: Story = { ...narrowViewport, render: () => scale };
