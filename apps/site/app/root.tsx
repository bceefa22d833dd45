import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Outlet, useLocation, useRouteError } from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { brandTheme, Heading, Link, Stack, Text } from "@vaart/ui";
import uiStyles from "@vaart/ui/styles.css?url";
import { AppDocument } from "@vaart/web/document";
import { pageTitle } from "@vaart/web/page-meta";
import type { ReactNode } from "react";
import { mainId, SitePage } from "./components/SiteFrame";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: uiStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "alternate", type: "application/rss+xml", title: "Artikelen", href: "/rss.xml" },
  {
    rel: "alternate",
    type: "application/rss+xml",
    title: "De Updates (nieuwsbrief)",
    href: newsletterPaths.archiveFeed,
  },
];

/** Error pages (404, 500) get their title here; every other page sets its own. */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return [
    { title: pageTitle(notFound ? "Pagina niet gevonden" : "Er ging iets mis") },
    { name: "robots", content: "noindex" },
  ];
};

export function Layout({ children }: { children: ReactNode }) {
  return (
    <AppDocument themeClass={brandTheme} mainId={mainId} development={import.meta.env.DEV}>
      {children}
    </AppDocument>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <SitePage currentPath={pathname}>
      <Stack space="lg">
        <Heading level={1}>
          {notFound ? "Deze pagina bestaat niet (meer)" : "Er ging iets mis"}
        </Heading>
        <Text>
          {notFound
            ? "Misschien is het adres veranderd of zit er een typefout in."
            : "Aan mijn kant ging iets fout. Probeer het over een paar minuten nog eens."}
        </Text>
        <Text>
          <Link href="/">Naar de homepage</Link> of{" "}
          <Link href="/artikelen">bekijk alle artikelen</Link>.
        </Text>
      </Stack>
    </SitePage>
  );
}
