import { Box, Container, Link, Stack, Text } from "@vaart/ui";
import type { ReactNode } from "react";

export const mainId = "inhoud";

const navigation = [
  { href: "/artikelen", label: "Artikelen" },
  { href: "/nieuwsbrief", label: "Nieuwsbrief" },
];

/** The site's header: its name (home) and the main navigation. */
export function SiteHeader({ currentPath }: { currentPath: string }) {
  return (
    <Box as="header" background="surface" paddingY="md">
      <Container
        as="nav"
        aria-label="Hoofdmenu"
        display="flex"
        flexWrap="wrap"
        gap="lg"
        alignItems="baseline"
        justifyContent="space-between"
      >
        {/* Padded links: each is a target of at least 24 × 24 px (WCAG 2.5.8). */}
        <Link href="/" aria-current={currentPath === "/" ? "page" : undefined}>
          <strong>Vaart in samenwerken</strong>
        </Link>
        <Box display="flex" flexWrap="wrap" gap="lg">
          {navigation.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={
                currentPath === item.href
                  ? "page"
                  : currentPath.startsWith(`${item.href}/`)
                    ? "true"
                    : undefined
              }
            >
              {item.label}
            </Link>
          ))}
        </Box>
      </Container>
    </Box>
  );
}

export function SiteFooter() {
  return (
    <Box as="footer" background="surface" paddingY="xl">
      <Container>
        <Stack space="sm">
          <Text size="small" tone="muted">
            Vaart in samenwerken · teamontwikkeling en ketensamenwerking
          </Text>
          <Text size="small" tone="muted">
            Geen cookies, geen trackers. <Link href="/rss.xml">RSS-feed van de artikelen</Link>
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}

/** Every page except an article (which has ArticleLayout): header, one main, footer. */
export function SitePage({ currentPath, children }: { currentPath: string; children: ReactNode }) {
  return (
    // At least a screen high, so the footer of a short page (404, "check je mailbox") stays
    // at the bottom instead of halfway up.
    <Box display="flex" flexDirection="column" minHeight="screen">
      <SiteHeader currentPath={currentPath} />
      <Box as="main" id={mainId} tabIndex={-1} paddingY="xxl" flexGrow="1">
        <Container>
          <Stack space="xxl">{children}</Stack>
        </Container>
      </Box>
      <SiteFooter />
    </Box>
  );
}
