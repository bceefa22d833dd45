import { siteIdentity } from "@vaart/content/site";
import { Link, PageFooter, PageFrame, PageHeader } from "@vaart/ui";
import type { ReactNode } from "react";

/** The id of every page's main landmark; the skip link (root.tsx) points at it. */
export const mainId = "inhoud";

const navigation = [
  { href: "/artikelen", label: "Artikelen" },
  { href: "/nieuwsbrief", label: "Nieuwsbrief" },
];

/** The site's header: its name (home) and the main navigation. */
export function SiteHeader({ currentPath }: { currentPath: string }) {
  return (
    <PageHeader siteName={siteIdentity.name} navigation={navigation} currentPath={currentPath} />
  );
}

export function SiteFooter() {
  return (
    <PageFooter siteName={siteIdentity.name} tagline={siteIdentity.footerTagline}>
      Geen cookies, geen trackers. <Link href="/rss.xml">RSS-feed van de artikelen</Link>
    </PageFooter>
  );
}

/** Every page except an article (which has ArticleLayout): header, one main, footer. */
export function SitePage({ currentPath, children }: { currentPath: string; children: ReactNode }) {
  return (
    <PageFrame
      mainId={mainId}
      header={<SiteHeader currentPath={currentPath} />}
      footer={<SiteFooter />}
    >
      {children}
    </PageFrame>
  );
}
