import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Outlet, useRouteError } from "@remix-run/react";
import { brandTheme, Text } from "@vaart/ui";
import uiStyles from "@vaart/ui/styles.css?url";
import { AppDocument } from "@vaart/web/document";
import type { ReactNode } from "react";
import { MessagePage, mainId } from "./components/StudioFrame";
import { studioHeaders } from "./lib/headers.server";
import { studioMeta } from "./lib/meta";
import studioStyles from "./studio.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: uiStyles },
  { rel: "stylesheet", href: studioStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Error pages too: no-store and noindex, like every studio page. */
export const headers = studioHeaders;

/** Error pages (404, 500) get their title here; every other page sets its own. */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return studioMeta(status === 404 ? "Pagina niet gevonden" : "Er ging iets mis");
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
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <MessagePage title="Pagina niet gevonden">
        <Text>Deze pagina bestaat niet in de studio.</Text>
      </MessagePage>
    );
  }
  // Development only: the developer sees why (production never shows an error's text).
  const detail = import.meta.env.DEV && error instanceof Error ? error.message : undefined;
  return (
    <MessagePage title="Er ging iets mis">
      <Text>Probeer het over een minuut opnieuw.</Text>
      {detail ? <Text tone="muted">{detail}</Text> : null}
    </MessagePage>
  );
}
