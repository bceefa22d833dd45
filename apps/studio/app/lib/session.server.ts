import { redirect } from "@remix-run/node";
import { STUDIO_SESSION_LIFETIME_MS } from "@vaart/newsletter";
import type { VaartLoadContext } from "@vaart/web";
import { privatePageHeaders, readCookie } from "@vaart/web/remix";
import { studioLogin } from "./login.server";

/** The cookie holds only the session's random id; the server keeps its SHA-256. */
const cookieName = "vaart_studio";

function cookieAttributes(context: Partial<VaartLoadContext>, maxAgeSeconds: number): string {
  const secure = context.config?.publicUrl?.protocol === "https:" ? "; Secure" : "";
  // Lax: a link to a studio page in a colleague's mail opens it logged in; every change is a
  // POST, which the Origin check and the form token guard.
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function sessionCookie(context: Partial<VaartLoadContext>, id: string): string {
  return `${cookieName}=${id}; ${cookieAttributes(context, STUDIO_SESSION_LIFETIME_MS / 1000)}`;
}

/** The author of this request's session, or null. */
export async function currentAuthor(
  request: Request,
  context: Partial<VaartLoadContext>,
): Promise<string | null> {
  const session = await studioLogin(request, context).findSession(readCookie(request, cookieName));
  return session?.author ?? null;
}

/** Every studio page but the login's: without a session, to the login. */
export async function requireAuthor(
  request: Request,
  context: Partial<VaartLoadContext>,
): Promise<string> {
  const author = await currentAuthor(request, context);
  if (author === null) {
    throw redirect("/inloggen", { status: 303, headers: privatePageHeaders });
  }
  return author;
}

/** Logout: the session ends on the server (a copy of the cookie opens nothing) and in the browser. */
export async function endSession(
  request: Request,
  context: Partial<VaartLoadContext>,
): Promise<string> {
  await studioLogin(request, context).endSession(readCookie(request, cookieName));
  return `${cookieName}=; ${cookieAttributes(context, 0)}`;
}
