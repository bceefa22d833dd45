import { siteIdentity } from "@vaart/content/site";
import { Button, Heading, Link, PageFooter, PageFrame, PageHeader, Stack, Text } from "@vaart/ui";
import type { ReactNode } from "react";
import { FormToken } from "./FormToken";

export const mainId = "inhoud";

const studioName = `Studio · ${siteIdentity.name}`;

/**
 * Every studio page: a header with the studio's name, one main, and for a logged-in author
 * a footer saying who is logged in, with the logout button (a plain form).
 */
export function StudioFrame({
  author,
  formToken,
  children,
}: {
  /** The logged-in author; none on the login pages. */
  author?: string | undefined;
  formToken?: string | undefined;
  children: ReactNode;
}) {
  return (
    <PageFrame
      mainId={mainId}
      header={<PageHeader siteName={studioName} homeHref="/" />}
      footer={
        <PageFooter siteName={studioName} tagline="Voor de auteurs van de site en de campagnes.">
          {author && formToken ? (
            <form method="post" action="/uitloggen">
              <Stack space="sm">
                <Text>Ingelogd als {author}.</Text>
                <FormToken value={formToken} />
                <div>
                  <Button type="submit" variant="secondary">
                    Uitloggen
                  </Button>
                </div>
              </Stack>
            </form>
          ) : null}
        </PageFooter>
      }
    >
      {children}
    </PageFrame>
  );
}

/** A page that only says something and points onward: not found, a problem, a refused form. */
export function MessagePage({
  title,
  children,
  onward = { label: "Naar het overzicht", href: "/" },
}: {
  title: string;
  children: ReactNode;
  onward?: { label: string; href: string };
}) {
  return (
    <StudioFrame>
      <Stack space="lg">
        <Heading level={1}>{title}</Heading>
        {children}
        <Text>
          <Link href={onward.href}>{onward.label}</Link>
        </Text>
      </Stack>
    </StudioFrame>
  );
}
