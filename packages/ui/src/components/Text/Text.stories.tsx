import type { Meta, StoryObj } from "@storybook/react-vite";
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
export const DarkTheme: Story = { globals: { theme: "dark" }, args: { tone: "muted" } };
