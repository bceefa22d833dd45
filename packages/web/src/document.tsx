/**
 * The HTML document both Remix apps render around every page (their root `Layout`): the
 * colour scheme followed in CSS alone, the skip link, and client scripts only where a route
 * asks for them. Browser-safe: it runs in the apps' client bundles too.
 */
import { Links, Meta, Scripts, useMatches } from "@remix-run/react";
import { followColorScheme, SkipLink } from "@vaart/ui";
import type { ReactNode } from "react";

/** A route opts in to client JavaScript with `handle = { hydrate: true }`. */
export interface RouteHandle {
  hydrate?: boolean;
}

export function AppDocument({
  themeClass,
  mainId,
  development,
  children,
}: {
  /** The theme's class name from @vaart/ui (`brandTheme`, `themeClassNames.campaign`, …). */
  themeClass: string;
  /** The id of the page's `<main>`, where the skip link leads. */
  mainId: string;
  /**
   * The app's `import.meta.env.DEV`: under `pnpm dev` the scripts always load, because hot
   * reload (and the design system's styles from source) arrive through them.
   */
  development: boolean;
  children: ReactNode;
}) {
  const matches = useMatches();
  const hydrate =
    development || matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate);
  return (
    // The page follows the reader's light/dark setting in CSS alone: no script, no flash.
    <html lang="nl" className={`${themeClass} ${followColorScheme}`}>
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
