import type {
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, Outlet, useMatches, useRouteError } from "@remix-run/react";
import { themeClassNames } from "@vaart/ui";
import uiStyles from "@vaart/ui/styles.css?url";
import { AppDocument } from "@vaart/web/document";
import { pageTitle } from "@vaart/web/page-meta";
import type { ReactNode } from "react";
import type { CampaignTheme } from "./campaigns/campaign-file";
import { GonePage, mainId, NotFoundPage, ProblemPage } from "./components/LandingFrame";
import { siteUrl } from "./lib/urls.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: uiStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * Error pages (404, 410) are drawn by the root's boundary: they keep the headers of the
 * response a route threw (caching, noindex). Pages set their own headers.
 */
export const headers: HeadersFunction = ({ errorHeaders }) => errorHeaders ?? new Headers();

/** What every page needs, also error pages: where the site is. */
export async function loader({ context }: LoaderFunctionArgs) {
  return { siteUrl: siteUrl(context, "/") };
}

/** Error pages (404, 410, 500) get their title here; every other page sets its own. */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404
      ? "Pagina niet gevonden"
      : status === 410
        ? "Deze campagne is afgelopen"
        : "Er ging iets mis";
  return [{ title: pageTitle(title) }, { name: "robots", content: "noindex" }];
};

/** The theme of the page: a route's data (or a thrown 410's data) may name one. */
function useTheme(): string {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const theme = (match.data as { theme?: CampaignTheme } | undefined)?.theme;
    if (theme) return themeClassNames[theme];
  }
  return themeClassNames.campaign;
}

export function Layout({ children }: { children: ReactNode }) {
  let theme = useTheme();
  const error = useRouteErrorSafe();
  const errorTheme = isRouteErrorResponse(error)
    ? (error.data as { theme?: CampaignTheme } | null)?.theme
    : undefined;
  if (errorTheme) theme = themeClassNames[errorTheme];
  return (
    <AppDocument themeClass={theme} mainId={mainId} development={import.meta.env.DEV}>
      {children}
    </AppDocument>
  );
}

function useRouteErrorSafe(): unknown {
  // Layout renders for pages and for the error boundary; the hook answers undefined for pages.
  return useRouteError();
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 410) {
    const gone = error.data as { title: string; onward: { label: string; href: string } };
    return <GonePage title={gone.title} onward={gone.onward} />;
  }
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // Development only: the developer sees why (production never shows an error's text).
  const detail = import.meta.env.DEV && error instanceof Error ? error.message : undefined;
  return <ProblemPage detail={detail} />;
}
