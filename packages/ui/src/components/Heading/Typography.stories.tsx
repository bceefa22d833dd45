import type { Meta, StoryObj } from "@storybook/react-vite";
import { Text } from "../Text";
import { Heading } from "./Heading";

const meta = {
  title: "Primitives/Heading and Text",
  component: Heading,
  args: { level: 1, children: "Is gelijkwaardigheid in een ketensamenwerking mogelijk?" },
  argTypes: {
    level: { control: "inline-radio", options: [1, 2, 3, 4] },
    size: { control: "inline-radio", options: [1, 2, 3, 4] },
  },
} satisfies Meta<typeof Heading>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

export const Scale: Story = {
  render: () => (
    <div style={{ display: "grid", gap: "1rem", padding: "1.5rem" }}>
      <Heading level={1}>Kop 1: Ketensamenwerking</Heading>
      <Heading level={2}>Kop 2: Wie betaalt, bepaalt</Heading>
      <Heading level={3}>Kop 3: Aan het werk!</Heading>
      <Heading level={4}>Kop 4: Onderlinge afhankelijkheid</Heading>
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
  ),
};

export const LongDutchWord: Story = {
  args: { children: "Woningcorporatieonderhoudsketensamenwerkingsovereenkomst" },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
};
