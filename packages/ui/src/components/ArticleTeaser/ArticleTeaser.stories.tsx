import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { ArticleTeaser } from "./ArticleTeaser";

const meta = {
  title: "Components/ArticleTeaser",
  component: ArticleTeaser,
  args: {
    title: "Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
    description:
      "Opdrachtgever en opdrachtnemer als gelijken: kan dat, als de één betaalt en de ander levert?",
    href: "https://www.example.nl/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk",
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ArticleTeaser>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};
/** The link names the article, so it makes sense in a list of links. */
export const LinkNamesTheArticle: Story = {
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole("link");
    await expect(link).toHaveAccessibleName(
      "Lees het artikel: Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
    );
    // On screen the title shows once, in the heading: the link does not repeat it.
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    let shown = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const box = node.parentElement?.getBoundingClientRect();
      if (box && box.width > 1 && box.height > 1) shown += node.textContent;
    }
    await expect(shown.trim()).toBe("Lees het artikel");
  },
};
export const CustomLabels: Story = {
  args: { eyebrow: "Achtergrond", linkLabel: "Lees waarom gelijkwaardigheid loont" },
};
export const WithoutDescription: Story = { args: { description: undefined } };
export const CampaignTheme: Story = campaignTheme;
export const DarkTheme: Story = darkTheme;
export const NarrowViewport: Story = {
  ...narrowViewport,
};
