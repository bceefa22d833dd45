import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  useLocation,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { brandTheme, followColorScheme, Heading, Link, SkipLink, Stack, Text } from "@vaart/ui";
import uiStyles from "@vaart/ui/styles.css?url";
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

/** A route opts in to client JavaScript with `handle = { hydrate: true }`; none does today. */
export interface RouteHandle {
  hydrate?: boolean;
}

export function Layout({ children }: { children: ReactNode }) {
  const matches = useMatches();
  // `pnpm dev` always loads the scripts: hot reload (and the design system's styles from
  // source) arrive through them. Production builds ship them only where a route asks.
  const hydrate =
    import.meta.env.DEV ||
    matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate);
  return (
    // The page follows the reader's light/dark setting in CSS alone: no script, no flash.
    <html lang="nl" className={`${brandTheme} ${followColorScheme}`}>
      <head>
        <meta charSet="utf-8" />
        <meta name="color-scheme" content="light dark" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink targetId={mainId} />
        {children}
        {hydrate ? <Scripts /> : null}
      </body>
    </html>
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
