/**
 * What the apps' page stories share (apps/<app>/app/pages/*.stories.tsx, rendered by the
 * design system's Storybook; docs/decisions/0011-page-stories.md). Browser-safe: no Node
 * imports. The pages themselves are the apps' own components; this is only sample data
 * for them and the checks every page story makes.
 */

/**
 * The page's heading outline in document order, as `h<level> <text>`: what a designer
 * (and a screen reader user) reads as the page's structure. Play checks compare it with
 * the shipped page's, so a heading that is added, dropped, renamed or moved shows up.
 */
export function headingOutline(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll("h1, h2, h3, h4, h5, h6")).map(
    (heading) => `${heading.tagName.toLowerCase()} ${heading.textContent?.trim() ?? ""}`,
  );
}

/** The frame's landmarks in document order (header, nav, main, footer): the page's skeleton. */
export function landmarkOutline(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll("header, nav, main, footer, aside"))
    .filter((element) => element.closest("main") === null || element.tagName === "MAIN")
    .map((element) => {
      const label = element.getAttribute("aria-label");
      return label ? `${element.tagName.toLowerCase()} ${label}` : element.tagName.toLowerCase();
    });
}

/**
 * The consent statement next to the signup checkbox on every page of both apps
 * (`newsletterConsent.text` in packages/web/src/newsletter.server.ts, which is server-only).
 */
export const newsletterConsentText =
  "Ja, ik wil de tweemaandelijkse ‘Updates’ ontvangen. Afmelden kan altijd weer.";

/** What a page's loader gives its signup form; the token stands in for the signed one. */
export const exampleSignupForm = {
  formToken: "voorbeeld-token",
  consentText: newsletterConsentText,
};

/**
 * A wordmark exactly as packages/content/logos/*.svg draws it, as a data URI: the apps
 * serve the real files from the server, which a story does not have.
 */
function contentWordmark(label: string, color: string, fontSize: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="64" viewBox="0 0 160 64" role="img" aria-label="${label}"><title>${label}</title><rect x="8" y="50" width="144" height="3" rx="1.5" fill="${color}" opacity="0.35"/><text x="80" y="40" text-anchor="middle" font-family="Georgia, 'Times New Roman', serif" font-size="${fontSize}" font-weight="700" fill="${color}">${label}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * The organisations both apps show (packages/content/data/organisations.json, in its
 * order), with their ids so a campaign can pick some. Only Alwel is a real client.
 */
export const clientOrganisations: ReadonlyArray<{
  id: string;
  name: string;
  logo: string;
  href?: string;
}> = [
  {
    id: "alwel",
    name: "Alwel",
    logo: contentWordmark("alwel", "#0b4a6f", 40),
    href: "https://www.alwel.nl/",
  },
  {
    id: "voorbeeldhaven",
    name: "Woonstichting Voorbeeldhaven (fictief)",
    logo: contentWordmark("Voorbeeldhaven", "#1f3a2e", 22),
  },
  {
    id: "fictief-bouw",
    name: "Fictief Bouw en Onderhoud (fictief)",
    logo: contentWordmark("Fictief Bouw", "#4a2a0b", 24),
  },
  {
    id: "denkbeeld",
    name: "Onderhoudsgroep Denkbeeld (fictief)",
    logo: contentWordmark("Denkbeeld", "#2b2b5e", 28),
  },
  {
    id: "proefwonen",
    name: "Corporatie Proefwonen (fictief)",
    logo: contentWordmark("Proefwonen", "#5e1f2b", 26),
  },
  {
    id: "verzonnen-installatie",
    name: "Verzonnen Installatietechniek (fictief)",
    logo: contentWordmark("Verzonnen", "#203f4f", 28),
  },
];

/*
 * Story settings the design system's Storybook understands (packages/ui/.storybook/
 * preview.tsx; the same as packages/ui/src/stories/globals.ts, which @vaart/ui's own
 * stories use): a theme, the reader's dark setting, a 320 px phone.
 */
export const campaignTheme = { globals: { theme: "campaign" } };
export const darkTheme = { globals: { theme: "dark" } };
export const darkColorScheme = { parameters: { colorScheme: "dark" } };
export const narrowViewport = { globals: { viewport: { value: "narrow", isRotated: false } } };

/** The dark theme's page background, as the browser computes it. */
export const darkPageBackground = "rgb(18, 22, 25)";

/** The page follows the reader's dark setting (CSS only), with the dark theme's colours. */
async function pageFollowsDarkSetting(): Promise<void> {
  const background = getComputedStyle(document.body).backgroundColor;
  if (background !== darkPageBackground) {
    throw new Error(
      `The page does not follow the reader's dark setting: its background is ${background}, the dark theme's is ${darkPageBackground}`,
    );
  }
}

/** A reader whose system prefers dark: the page follows it. */
export const readerPrefersDark = { ...darkColorScheme, play: pageFollowsDarkSetting };
/** A reader whose system prefers dark, on a 320 px phone: the page follows it. */
export const readerPrefersDarkNarrow = {
  ...darkColorScheme,
  globals: narrowViewport.globals,
  play: pageFollowsDarkSetting,
};
