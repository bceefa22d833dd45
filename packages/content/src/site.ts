/** Who the site is about: used in titles, feeds, structured data and mail. */
export const siteIdentity = {
  name: "Vaart in samenwerken",
  tagline: "Teamontwikkeling en samenwerking in de keten",
  /** After the name in every page's footer: "naam · waarover". */
  footerTagline: "teamontwikkeling en ketensamenwerking",
  language: "nl",
  locale: "nl_NL",
  /** Where the site runs locally; production sets SITE_URL. */
  defaultSiteUrl: "http://localhost:3000",
  author: "Vaart in samenwerken",
} as const;

/** The site's newsletter pages (mail links from both apps point here). */
export const newsletterPaths = {
  signup: "/nieuwsbrief",
  thanks: "/nieuwsbrief/bijna-klaar",
  confirm: "/nieuwsbrief/bevestigen",
  unsubscribe: "/nieuwsbrief/afmelden",
  requestNew: "/nieuwsbrief/nieuwe-link",
  /** The Updates that were sent (`/<slug>` for one), and their RSS feed. */
  archive: "/nieuwsbrief/archief",
  archiveFeed: "/nieuwsbrief/archief/rss.xml",
} as const;
