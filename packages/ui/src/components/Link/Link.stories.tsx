import type { Meta, StoryObj } from "@storybook/react-vite";
import { forwardRef } from "react";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Link } from "./Link";
import { type LinkComponentProps, LinkProvider } from "./LinkProvider";

const meta = {
  title: "Primitives/Link",
  component: Link,
  args: { href: "/artikelen", children: "Lees meer over het ontwikkelen van samenwerken" },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Link>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** An app injects its router's link once; every design-system link then uses it. */
const RouterLink = forwardRef<HTMLAnchorElement, LinkComponentProps>(
  function RouterLink(props, ref) {
    return <a ref={ref} data-router="injected" {...props} />;
  },
);

export const InjectedRouterLink: Story = {
  decorators: [
    (Story) => (
      <LinkProvider linkComponent={RouterLink}>
        <Story />
      </LinkProvider>
    ),
  ],
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole("link");
    await expect(link).toHaveAttribute("data-router", "injected");
    await expect(link).toHaveAttribute("href", "/artikelen");
  },
};

export const CampaignTheme: Story = { ...campaignTheme };
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
