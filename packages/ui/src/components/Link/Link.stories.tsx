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

/** The current page in a navigation looks different, not only to a screen reader. */
export const CurrentPage: Story = {
  render: () => (
    <nav aria-label="Hoofdmenu" style={{ display: "flex", gap: "1.5rem" }}>
      <Link href="/artikelen" aria-current="page">
        Artikelen
      </Link>
      <Link href="/nieuwsbrief">Nieuwsbrief</Link>
    </nav>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const current = getComputedStyle(canvas.getByRole("link", { name: "Artikelen" }));
    const other = getComputedStyle(canvas.getByRole("link", { name: "Nieuwsbrief" }));
    await expect(current.fontWeight).not.toBe(other.fontWeight);
    await expect(current.color).not.toBe(other.color);
  },
};

export const CampaignTheme: Story = { ...campaignTheme };
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
