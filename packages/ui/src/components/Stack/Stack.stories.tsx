import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Box } from "../Box";
import { Text } from "../Text";
import { Stack } from "./Stack";

const items = [
  "Herken de onderliggende dynamiek.",
  "Bevorder open communicatie.",
  "Investeer in vertrouwen.",
];

const meta = {
  title: "Primitives/Stack",
  component: Stack,
  args: {
    space: "md",
    padding: "lg",
    children: items.map((item) => (
      <Box key={item} padding="md" background="surface" borderRadius="md">
        <Text>{item}</Text>
      </Box>
    )),
  },
  argTypes: {
    space: { control: "select", options: ["none", "xxs", "xs", "sm", "md", "lg", "xl", "xxl"] },
    children: { control: false },
  },
} satisfies Meta<typeof Stack>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** Space from the tokens only; here `sm` on phones, `xl` from tablet width. */
export const ResponsiveSpace: Story = { args: { space: ["sm", "xl"] } };

/** A Stack can be a list: `as="ul"` keeps the list semantics screen readers announce. */
export const AsList: Story = {
  args: {
    as: "ul",
    space: "xs",
    style: { listStyle: "none", margin: 0 },
    children: items.map((item) => (
      <li key={item}>
        <Text>{item}</Text>
      </li>
    )),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole("listitem")).toHaveLength(3);
  },
};

export const CampaignTheme: Story = { ...campaignTheme };
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
