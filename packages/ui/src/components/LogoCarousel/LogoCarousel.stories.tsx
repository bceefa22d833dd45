import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { darkOnTransparentOrganisation, seedOrganisations } from "../../fixtures/seedArticle";
import { LogoCarousel } from "./LogoCarousel";

const meta = {
  title: "Components/LogoCarousel",
  component: LogoCarousel,
  args: { organisations: seedOrganisations },
  decorators: [
    (Story) => (
      <div style={{ padding: "2rem 1.5rem", maxWidth: "72rem", margin: "0 auto" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof LogoCarousel>;

export default meta;
type Story = StoryObj<typeof meta>;

function trackOf(canvasElement: HTMLElement) {
  const list = within(canvasElement).getAllByRole("list")[0];
  const track = list?.parentElement;
  if (!track) throw new Error("carousel track not found");
  return track;
}

export const Playground: Story = {};

function expectEveryLogoInView(canvasElement: HTMLElement) {
  const viewport = trackOf(canvasElement).parentElement as HTMLElement;
  const bounds = viewport.getBoundingClientRect();
  const list = within(canvasElement).getAllByRole("list")[0] as HTMLElement;
  for (const image of within(list).getAllByRole("img")) {
    const box = image.getBoundingClientRect();
    expect(box.left).toBeGreaterThanOrEqual(bounds.left);
    expect(box.right).toBeLessThanOrEqual(bounds.right);
  }
}

/** WCAG 2.2.2: a visible control stops all motion (and then shows every logo), and starts it again. */
export const PauseAndPlay: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const track = trackOf(canvasElement);
    await expect(getComputedStyle(track).animationName).not.toBe("none");

    const toggle = canvas.getByRole("checkbox", { name: "Logo's pauzeren" });
    // The native checkbox is styled away; its label is the visible control people press.
    await userEvent.click(canvas.getByText("Logo's pauzeren"));
    await expect(toggle).toBeChecked();
    await expect(getComputedStyle(track).animationName).toBe("none");
    expectEveryLogoInView(canvasElement);
    // Paused, the control shows a tick, not a "play" sign beside the word "pauzeren".
    const shown = Array.from((toggle.nextElementSibling as HTMLElement).children)
      .filter((icon) => getComputedStyle(icon).display !== "none")
      .map((icon) => icon.textContent);
    await expect(shown).toEqual(["✓"]);

    // Keyboard works too: Space toggles it back.
    toggle.focus();
    await userEvent.keyboard(" ");
    await expect(toggle).not.toBeChecked();
    await expect(getComputedStyle(track).animationName).not.toBe("none");
  },
};

const linkedOrganisations = seedOrganisations.map((org, i) => ({
  ...org,
  href: `https://example.org/${i}`,
}));

/** WCAG 2.4.11: a logo that has keyboard focus never moves out of view. */
export const KeyboardFocusStopsMotion: Story = {
  args: { organisations: linkedOrganisations },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvasElement);
    await userEvent.tab(); // the pause toggle
    await userEvent.tab(); // the first logo
    await expect(canvas.getByRole("link", { name: "Alwel" })).toHaveFocus();
    await expect(getComputedStyle(trackOf(canvasElement)).animationName).toBe("none");
    expectEveryLogoInView(canvasElement);
  },
};

export const DuplicateHiddenFromAssistiveTechnology: Story = {
  tags: ["test-only"],
  args: { organisations: linkedOrganisations },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Assistive technology meets each organisation once, named after the organisation.
    for (const organisation of seedOrganisations) {
      await expect(canvas.getAllByRole("link", { name: organisation.name })).toHaveLength(1);
    }
    await expect(canvas.getAllByRole("listitem")).toHaveLength(seedOrganisations.length);
    const copy = canvasElement.querySelector('ul[aria-hidden="true"]');
    await expect(copy).not.toBeNull();
    // Out of the tab order, but still clickable with a mouse while the row moves.
    const copyLinks = Array.from(copy?.querySelectorAll("a") ?? []);
    await expect(copyLinks).toHaveLength(seedOrganisations.length);
    for (const link of copyLinks) await expect(link.tabIndex).toBe(-1);
    await expect(copy?.hasAttribute("inert")).toBe(false);
  },
};

export const OneLogo: Story = {
  args: { organisations: seedOrganisations.slice(0, 1) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("img", { name: "Alwel" })).toBeVisible();
    await expect(canvas.queryByRole("checkbox")).toBeNull();
    await expect(canvasElement.querySelector('[aria-hidden="true"] img')).toBeNull();
  },
};

/** Few enough to fit: a still row, no pause control needed. */
export const FewLogosStayStill: Story = {
  args: { organisations: seedOrganisations.slice(0, 3) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole("checkbox")).toBeNull();
    const list = canvas.getByRole("list");
    await expect(getComputedStyle(list).animationName).toBe("none");
    await expect(getComputedStyle(list.parentElement as HTMLElement).animationName).toBe("none");
  },
};

export const ManyLogos: Story = {
  args: {
    organisations: [
      ...seedOrganisations,
      ...seedOrganisations.slice(1).map((org) => ({ ...org, name: `${org.name} 2` })),
    ],
  },
};

export const MissingImageFallsBackToName: Story = {
  args: {
    organisations: [
      { name: "Zonder Logo Wonen (fictief)" },
      { name: "Kapot Plaatje BV (fictief)", logo: "/bestaat-niet.svg" },
      ...seedOrganisations.slice(0, 3),
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = canvas.getAllByRole("list")[0] as HTMLElement;
    await expect(within(list).getByText("Zonder Logo Wonen (fictief)")).toBeVisible();
    // A broken image is swapped for the name once the browser reports the failure.
    const fallback = await within(list).findByText("Kapot Plaatje BV (fictief)");
    await expect(fallback).toBeVisible();
    // The name takes the logo's place in the same box.
    const box = fallback.getBoundingClientRect();
    await expect([Math.round(box.width), Math.round(box.height)]).toEqual([160, 64]);
  },
};

export const LazyImagesWithFixedSize: Story = {
  tags: ["test-only"],
  play: async ({ canvasElement }) => {
    const images = Array.from(canvasElement.querySelectorAll("img"));
    await expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      await expect(image.loading).toBe("lazy");
      await expect(image.getAttribute("width")).toBe("160");
      await expect(image.getAttribute("height")).toBe("64");
      // Drawn in the same box whether or not the file has arrived: nothing shifts.
      const box = image.getBoundingClientRect();
      await expect([Math.round(box.width), Math.round(box.height)]).toEqual([160, 64]);
    }
  },
};

/** What readers who turned motion off see: every logo, wrapped, nothing moving. */
export const ReducedMotion: Story = {
  decorators: [
    (Story) => (
      <div data-motion="reduce">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const track = trackOf(canvasElement);
    await expect(getComputedStyle(track).animationName).toBe("none");
    await expect(within(canvasElement).queryByRole("checkbox")).toBeNull();
    // Every organisation stays visible: the row wraps instead of running off-screen.
    for (const image of within(trackOf(canvasElement)).getAllByRole("img")) {
      await expect(image).toBeVisible();
      const box = image.getBoundingClientRect();
      await expect(box.right).toBeLessThanOrEqual(window.innerWidth);
    }
  },
};

export const Empty: Story = {
  args: { organisations: [] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("section")).toBeNull();
  },
};

/** Every logo sits on a light plate, so a dark logo on a transparent background stays legible. */
export const DarkLogoOnDarkTheme: Story = {
  globals: { theme: "dark" },
  args: { organisations: [darkOnTransparentOrganisation, ...seedOrganisations.slice(0, 3)] },
};

export const CampaignTheme: Story = { globals: { theme: "campaign" } };
export const DarkTheme: Story = { globals: { theme: "dark" } };

export const NarrowViewport: Story = {
  globals: { viewport: { value: "narrow", isRotated: false } },
};
