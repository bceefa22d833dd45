import type { Meta, StoryObj } from "@storybook/react-vite";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Text } from "../Text";
import { Box } from "./Box";

const meta = {
  title: "Primitives/Box",
  component: Box,
  args: { padding: "lg", background: "surface", borderRadius: "md" },
  decorators: [
    (Story) => (
      <Box padding="lg">
        <Story />
      </Box>
    ),
  ],
} satisfies Meta<typeof Box>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  args: { children: <Text>Een Box met ruimte en een vlak.</Text> },
};

/** Responsive props: column on phones, row from tablet width. */
export const ResponsiveRow: Story = {
  args: {
    background: undefined,
    padding: "none",
    display: "flex",
    flexDirection: ["column", "row"],
    gap: ["sm", "lg"],
    children: ["Systemisch werk", "Teamontwikkeling", "Ketensamenwerking"].map((item) => (
      <Box key={item} padding="md" background="surface" borderRadius="md">
        <Text>{item}</Text>
      </Box>
    )),
  },
};

/** `as` gives the box its meaning; the look stays the same. */
export const AsLandmark: Story = {
  args: {
    as: "aside",
    "aria-label": "Uitgelicht",
    children: <Text>Een Box als aside: een eigen landmark voor schermlezers.</Text>,
  },
};

export const CampaignTheme: Story = { ...campaignTheme, args: ResponsiveRow.args };
export const DarkTheme: Story = { ...darkTheme, args: ResponsiveRow.args };
export const NarrowViewport: Story = { ...narrowViewport, args: ResponsiveRow.args };
