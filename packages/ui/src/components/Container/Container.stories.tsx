import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Box } from "../Box";
import { Heading } from "../Heading";
import { Text } from "../Text";
import { Container } from "./Container";

const meta = {
  title: "Primitives/Container",
  component: Container,
  args: {
    width: "page",
    paddingY: "xl",
    children: (
      <Box padding="lg" background="surface" borderRadius="md">
        <Heading level={2}>Container</Heading>
        <Text>
          Centreert de inhoud met marges die meegroeien met het scherm. Op brede schermen stopt de
          breedte bij het inhoudsraster.
        </Text>
      </Box>
    ),
  },
  argTypes: {
    width: { control: "inline-radio", options: ["page", "text"] },
    children: { control: false },
  },
} satisfies Meta<typeof Container>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** `text`: a line length made for reading (60–75 characters). */
export const TextWidth: Story = {
  args: { width: "text" },
  play: async ({ canvasElement }) => {
    const container = within(canvasElement).getByRole("heading").closest("div")
      ?.parentElement as HTMLElement;
    await expect(container.getBoundingClientRect().width).toBeLessThan(window.innerWidth);
  },
};

export const CampaignTheme: Story = { ...campaignTheme };
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
