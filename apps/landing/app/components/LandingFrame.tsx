import { useRouteLoaderData } from "@remix-run/react";
import { siteIdentity } from "@vaart/content/site";
import {
  Heading,
  Link,
  NoticeBanner,
  PageFooter,
  PageFrame,
  PageHeader,
  Stack,
  Text,
} from "@vaart/ui";
import type { ReactNode } from "react";
import type { loader as rootLoader } from "../root";

export const mainId = "inhoud";

/** The site's address, from the root loader (so error pages can link there too). */
export function useSiteUrl(): string {
  return useRouteLoaderData<typeof rootLoader>("root")?.siteUrl ?? "/";
}

/**
 * Every landing page: a slim header (no menu: a campaign page should not lead visitors away
 * before they act), one main, a footer; a preview banner when previewing. `siteUrl`: where
 * the header's name and the footer lead.
 */
export function LandingFrame({
  siteUrl,
  preview,
  children,
}: {
  siteUrl: string;
  preview?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <PageFrame
      mainId={mainId}
      header={
        <>
          {preview ? (
            <NoticeBanner title="Voorbeeld">
              Deze campagne is nu niet openbaar. Alleen wie de voorbeeldlink heeft, ziet deze
              pagina; zoekmachines nemen haar niet op.
            </NoticeBanner>
          ) : null}
          <PageHeader siteName={siteIdentity.name} homeHref={siteUrl} />
        </>
      }
      footer={
        <PageFooter siteName={siteIdentity.name} tagline={siteIdentity.footerTagline}>
          Geen cookies, geen trackers. <Link href={siteUrl}>Naar de website</Link>
        </PageFooter>
      }
    >
      {children}
    </PageFrame>
  );
}

/** LandingFrame with the site's address from the root loader. */
export function LandingPage({ preview, children }: { preview?: boolean; children: ReactNode }) {
  return (
    <LandingFrame siteUrl={useSiteUrl()} preview={preview}>
      {children}
    </LandingFrame>
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

const toTheSite = `Naar de website van ${siteIdentity.name}`;

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
