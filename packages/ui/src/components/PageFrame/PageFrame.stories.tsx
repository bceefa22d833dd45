import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { Heading } from "../Heading";
import { Link } from "../Link";
import { NoticeBanner } from "../NoticeBanner";
import { Text } from "../Text";
import { PageFooter, PageFrame, PageHeader } from "./PageFrame";

const navigation = [
  { href: "/artikelen", label: "Artikelen" },
  { href: "/nieuwsbrief", label: "Nieuwsbrief" },
];

const footer = (
  <PageFooter siteName="Vaart in samenwerken" tagline="teamontwikkeling en ketensamenwerking">
    Geen cookies, geen trackers. <Link href="/rss.xml">RSS-feed van de artikelen</Link>
  </PageFooter>
);

const meta = {
  title: "Components/PageFrame",
  component: PageFrame,
  parameters: { layout: "fullscreen" },
  args: {
    mainId: "inhoud",
    header: <PageHeader siteName="Vaart in samenwerken" navigation={navigation} currentPath="/" />,
    footer,
    children: (
      <>
        <Heading level={1}>Een pagina in het kader</Heading>
        <Text>De kop, één main-landmark en de voet: elke pagina behalve een artikel.</Text>
      </>
    ),
  },
} satisfies Meta<typeof PageFrame>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** A page in a section of the menu (an article under Artikelen) says so, not "this page". */
export const InASection: Story = {
  args: {
    header: (
      <PageHeader
        siteName="Vaart in samenwerken"
        navigation={navigation}
        currentPath="/nieuwsbrief/bijna-klaar"
      />
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("link", { name: "Nieuwsbrief" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await expect(canvas.getByRole("link", { name: "Artikelen" })).not.toHaveAttribute(
      "aria-current",
    );
    await expect(canvas.getByRole("link", { name: "Vaart in samenwerken" })).not.toHaveAttribute(
      "aria-current",
    );
  },
};

/** A campaign page: no menu, only the name leading to the site; a notice above it. */
export const SlimWithNotice: Story = {
  ...campaignTheme,
  args: {
    header: (
      <>
        <NoticeBanner title="Voorbeeld">Deze campagne is nu niet openbaar.</NoticeBanner>
        <PageHeader siteName="Vaart in samenwerken" homeHref="https://www.vaartinsamenwerken.nl/" />
      </>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole("navigation")).toBeNull();
    await expect(canvas.getByRole("link", { name: "Vaart in samenwerken" })).toHaveAttribute(
      "href",
      "https://www.vaartinsamenwerken.nl/",
    );
  },
};

export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = narrowViewport;
