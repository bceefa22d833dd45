import { useRouteLoaderData } from "@remix-run/react";
import { Box, Container, Heading, Link, NoticeBanner, Stack, Text } from "@vaart/ui";
import type { ReactNode } from "react";
import type { loader as rootLoader } from "../root";

export const mainId = "inhoud";

/** The site's address, from the root loader (so error pages can link there too). */
export function useSiteUrl(): string {
  return useRouteLoaderData<typeof rootLoader>("root")?.siteUrl ?? "/";
}

function LandingHeader() {
  const siteUrl = useSiteUrl();
  return (
    <Box as="header" paddingY="md">
      <Container>
        <Link href={siteUrl}>
          <strong>Vaart in samenwerken</strong>
        </Link>
      </Container>
    </Box>
  );
}

function LandingFooter() {
  const siteUrl = useSiteUrl();
  return (
    <Box as="footer" background="surface" paddingY="xl">
      <Container>
        <Stack space="sm">
          <Text size="small" tone="muted">
            Vaart in samenwerken · teamontwikkeling en ketensamenwerking
          </Text>
          <Text size="small" tone="muted">
            Geen cookies, geen trackers. <Link href={siteUrl}>Naar de website</Link>
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}

/** Every landing page: a slim header, one main, a footer; a preview banner when previewing. */
export function LandingPage({ preview, children }: { preview?: boolean; children: ReactNode }) {
  return (
    // At least a screen high, so the footer of a short page stays at the bottom.
    <Box display="flex" flexDirection="column" minHeight="screen">
      {preview ? (
        <NoticeBanner title="Voorbeeld">
          Deze campagne is nu niet openbaar. Alleen wie de voorbeeldlink heeft, ziet deze pagina;
          zoekmachines nemen haar niet op.
        </NoticeBanner>
      ) : null}
      <LandingHeader />
      <Box as="main" id={mainId} tabIndex={-1} paddingY="xxl" flexGrow="1">
        <Container>
          <Stack space="xxl">{children}</Stack>
        </Container>
      </Box>
      <LandingFooter />
    </Box>
  );
}

/** A page that only says something and points onward: gone, not found, a problem. */
function MessagePage({
  title,
  children,
  onward,
}: {
  title: string;
  children: ReactNode;
  onward: { label: string; href: string };
}) {
  return (
    <LandingPage>
      <Stack space="lg">
        <Heading level={1}>{title}</Heading>
        {children}
        <Text>
          <Link href={onward.href}>{onward.label}</Link>
        </Text>
      </Stack>
    </LandingPage>
  );
}

const toTheSite = "Naar de website van Vaart in samenwerken";

export function GonePage({
  title,
  onward,
}: {
  title: string;
  onward: { label: string; href: string };
}) {
  return (
    <MessagePage title="Deze campagne is afgelopen" onward={onward}>
      <Text size="lead">
        “{title}” is voorbij. Bedankt voor je belangstelling! Op de website vind je wat er nu
        speelt.
      </Text>
    </MessagePage>
  );
}

export function NotFoundPage() {
  return (
    <MessagePage
      title="Deze pagina bestaat niet (meer)"
      onward={{ label: toTheSite, href: useSiteUrl() }}
    >
      <Text>Misschien is het adres veranderd of zit er een typefout in.</Text>
    </MessagePage>
  );
}

/** `detail`: what went wrong, shown only under `pnpm dev` (e.g. a campaign file's mistakes). */
export function ProblemPage({ detail }: { detail?: string }) {
  return (
    <MessagePage title="Er ging iets mis" onward={{ label: toTheSite, href: useSiteUrl() }}>
      <Text>Aan mijn kant ging iets fout. Probeer het over een paar minuten nog eens.</Text>
      {detail ? <pre>{detail}</pre> : null}
    </MessagePage>
  );
}
