import type { ReactNode } from "react";
import { Box } from "../Box";
import { Container } from "../Container";
import { Link } from "../Link";
import { Stack } from "../Stack";
import { Text } from "../Text";

export interface PageFrameProps {
  /** The page's content, stacked with the frame's spacing inside one `main` landmark. */
  children: ReactNode;
  /** Usually a `PageHeader`; anything that belongs above it (a notice banner) goes with it. */
  header: ReactNode;
  /** Usually a `PageFooter`. */
  footer: ReactNode;
  /** The id the skip link points at. */
  mainId?: string;
}

/**
 * Every page that is not an article (which has `ArticleLayout`): header, one main, footer.
 * At least a screen high, so the footer of a short page (404, "check je mailbox") stays at
 * the bottom instead of halfway up.
 */
export function PageFrame({ children, header, footer, mainId = "main" }: PageFrameProps) {
  return (
    <Box display="flex" flexDirection="column" minHeight="screen">
      {header}
      <Box as="main" id={mainId} tabIndex={-1} paddingY="xxl" flexGrow="1">
        <Container>
          <Stack space="xxl">{children}</Stack>
        </Container>
      </Box>
      {footer}
    </Box>
  );
}

export interface PageNavigationItem {
  href: string;
  label: ReactNode;
}

export interface PageHeaderProps {
  /** The site's name: the header's first link, to the home page. */
  siteName: ReactNode;
  /** Where the name leads. */
  homeHref?: string;
  /**
   * The main navigation. Without it the header is slim: only the name, no bar (a campaign
   * page, which should not lead visitors away before they act).
   */
  navigation?: readonly PageNavigationItem[];
  /** The path of the page shown: its link says `aria-current="page"`, its section's `"true"`. */
  currentPath?: string;
  /** The accessible name of the navigation landmark. */
  navigationLabel?: string;
}

function currentness(item: string, currentPath: string | undefined): "page" | "true" | undefined {
  if (currentPath === undefined) return undefined;
  if (currentPath === item) return "page";
  return currentPath.startsWith(`${item}/`) ? "true" : undefined;
}

/** The site's header: its name (home) and, when given, the main navigation. */
export function PageHeader({
  siteName,
  homeHref = "/",
  navigation,
  currentPath,
  navigationLabel = "Hoofdmenu",
}: PageHeaderProps) {
  if (!navigation) {
    return (
      <Box as="header" paddingY="md">
        <Container>
          <Link href={homeHref}>
            <strong>{siteName}</strong>
          </Link>
        </Container>
      </Box>
    );
  }
  return (
    <Box as="header" background="surface" paddingY="md">
      <Container
        as="nav"
        aria-label={navigationLabel}
        display="flex"
        flexWrap="wrap"
        gap="lg"
        alignItems="baseline"
        justifyContent="space-between"
      >
        {/* Padded links: each is a target of at least 24 × 24 px (WCAG 2.5.8). */}
        <Link href={homeHref} aria-current={currentPath === homeHref ? "page" : undefined}>
          <strong>{siteName}</strong>
        </Link>
        <Box display="flex" flexWrap="wrap" gap="lg">
          {navigation.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={currentness(item.href, currentPath)}
            >
              {item.label}
            </Link>
          ))}
        </Box>
      </Container>
    </Box>
  );
}

export interface PageFooterProps {
  /** The site's name, first on the footer's first line. */
  siteName: ReactNode;
  /** What the site is about, after the name: "naam · waarover". */
  tagline: ReactNode;
  /** A second line, e.g. the privacy promise and a link onward. */
  children?: ReactNode;
}

/** The site's footer: name and tagline, then one more line. */
export function PageFooter({ siteName, tagline, children }: PageFooterProps) {
  return (
    <Box as="footer" background="surface" paddingY="xl">
      <Container>
        <Stack space="sm">
          <Text size="small" tone="muted">
            {siteName} · {tagline}
          </Text>
          {children ? (
            <Text size="small" tone="muted">
              {children}
            </Text>
          ) : null}
        </Stack>
      </Container>
    </Box>
  );
}
