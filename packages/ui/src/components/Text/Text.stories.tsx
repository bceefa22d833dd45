import type { Meta, StoryObj } from "@storybook/react-vite";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Text } from "./Text";

const meta = {
  title: "Primitives/Text",
  component: Text,
  args: {
    children:
      "Vertrouwen is geen knop die je aanzet. Investeer in het opbouwen van vertrouwen en het versterken van relaties.",
  },
  argTypes: {
    size: { control: "inline-radio", options: ["small", "body", "lead"] },
    tone: { control: "inline-radio", options: ["normal", "muted", "critical", "positive"] },
    weight: { control: "inline-radio", options: ["regular", "bold"] },
    as: { control: "select", options: ["p", "span", "div", "strong", "small"] },
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem", maxWidth: "40rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Text>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
export const Lead: Story = { args: { size: "lead" } };
export const MutedSmall: Story = {
  args: { size: "small", tone: "muted", children: "3 min leestijd" },
};

const tones = (
  <div style={{ display: "grid", gap: "0.75rem" }}>
    <Text size="lead">Lead: Binnenkort rond ik mijn opleiding Systemisch Werk af.</Text>
    <Text>Body: Vertrouwen is geen knop die je aanzet.</Text>
    <Text size="small" tone="muted">
      Small, muted: 3 min leestijd
    </Text>
    <Text tone="critical" weight="bold">
      Critical: Vul je e-mailadres in
    </Text>
    <Text tone="positive" weight="bold">
      Positive: Je aanmelding is bevestigd
    </Text>
  </div>
);

/** Every size and tone; tones carry meaning in words too, never by colour alone. */
export const SizesAndTones: Story = { render: () => tones };

export const CampaignTheme: Story = { ...campaignTheme, render: () => tones };
export const DarkTheme: Story = { ...darkTheme, render: () => tones };
export const NarrowViewport: Story = { ...narrowViewport, render: () => tones };
