import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { seedPath } from "./helpers";

const contentPages = ["/", "/artikelen", seedPath, "/nieuwsbrief"];

test("content pages ship no JavaScript and load nothing from another origin", async ({
  request,
}) => {
  for (const path of contentPages) {
    const html = await (await request.get(path)).text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // The only script element allowed is JSON-LD data, which never runs.
    expect(
      scripts.filter((tag) => !tag.includes("application/ld+json")),
      path,
    ).toEqual([]);
    expect(html, path).not.toMatch(/modulepreload/);
    // Links to other sites are fine (href on <a>); nothing is loaded from them.
    const loaded = [
      ...html.matchAll(/<(?:link|img|script|iframe)[^>]+(?:src|href)="https?:\/\/([^/"]+)/g),
    ]
      .map((m) => m[1])
      .filter((host) => host !== "localhost" && !host?.startsWith("localhost:"));
    expect(loaded, path).toEqual([]);
  }
});

test("security headers on every answer: strict CSP, no framing, no sniffing", async ({
  request,
}) => {
  for (const path of [...contentPages, "/rss.xml", "/dit-bestaat-niet"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).not.toContain("unsafe-inline");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-powered-by"], path).toBeUndefined();
    // Served over plain http here: HSTS would be wrong.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});

test("the article page is cacheable by a CDN and revalidates with ETag → 304", async ({
  request,
}) => {
  const first = await request.get(seedPath);
  const cacheControl = first.headers()["cache-control"] ?? "";
  expect(cacheControl).toMatch(/public/);
  expect(cacheControl).toMatch(/max-age=\d+/);
  expect(cacheControl).toMatch(/stale-while-revalidate=\d+/);
  const etag = first.headers().etag;
  expect(etag).toBeTruthy();
  // The same copy for every visitor: another browser gets the same bytes (form token too).
  const second = await request.get(seedPath, { headers: { "User-Agent": "Another browser/1.0" } });
  expect(second.headers().etag).toBe(etag);
  expect(await second.text()).toBe(await first.text());
  const revalidated = await request.get(seedPath, { headers: { "If-None-Match": etag as string } });
  expect(revalidated.status()).toBe(304);
  expect((await revalidated.body()).length).toBe(0);
});

test("pages are compressed and hashed assets are immutable for a year", async ({ request }) => {
  const page = await request.get(seedPath, {
    headers: { "Accept-Encoding": "gzip" },
  });
  expect(page.headers()["content-encoding"]).toBe("gzip");
  const html = await page.text();
  const css = html.match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
  expect(css).toBeTruthy();
  const stylesheet = await request.get(css as string);
  expect(stylesheet.status()).toBe(200);
  expect(stylesheet.headers()["cache-control"]).toContain("max-age=31536000");
  expect(stylesheet.headers()["cache-control"]).toContain("immutable");
  const logo = html.match(/src="(\/logos\/[^"]+\.svg)"/)?.[1];
  expect(logo).toBeTruthy();
  const logoResponse = await request.get(logo as string);
  expect(logoResponse.headers()["content-type"]).toContain("image/svg+xml");
  expect(logoResponse.headers()["cache-control"]).toContain("immutable");
});

test("form answers are never cached", async ({ request }) => {
  const answer = await request.post("/nieuwsbrief", {
    form: { email: "niet-geldig", consent: "yes" },
  });
  expect(answer.status()).toBe(400);
  expect(answer.headers()["cache-control"]).toBe("no-store");
});

test("a form posted from another site is refused with a Dutch 403; from this site it is processed", async ({
  request,
  baseURL,
}) => {
  const form = { email: "niet-geldig", consent: "yes" };
  const base = baseURL as string;
  // Another site, and this host over another scheme or port: each is another origin.
  for (const origin of [
    "https://evil.example",
    "null",
    base.replace(/:\d+$/, ""),
    base.replace(/^http:/, "https:"),
  ]) {
    const forged = await request.post("/nieuwsbrief", { form, headers: { Origin: origin } });
    expect(forged.status(), origin).toBe(403);
    expect(forged.headers()["cache-control"]).toBe("no-store");
    expect(await forged.text()).toContain("vanaf een andere website");
  }
  // Our own origin, also when a proxy adds an X-Forwarded-Host: the form is handled.
  for (const headers of <Record<string, string>[]>[
    { Origin: base },
    { Origin: base, "X-Forwarded-Host": "backend.internal" },
  ]) {
    const own = await request.post("/nieuwsbrief", { form, headers });
    expect(own.status(), JSON.stringify(headers)).toBe(400); // the invalid address, in Dutch
  }
});

test("one-click unsubscribe (RFC 8058) is not refused for the mail provider's Origin", async ({
  request,
}) => {
  const answer = await request.post("/nieuwsbrief/afmelden/voorbeeld-token", {
    form: { "List-Unsubscribe": "One-Click" },
    headers: { Origin: "https://mail.example" },
  });
  // A made-up token: the newsletter's own Dutch answer, not a refusal of the origin.
  expect(answer.status()).not.toBe(403);
  expect(answer.status()).toBeLessThan(500);
});

test("methods no page uses and a malformed Host get short Dutch answers, never a 500", async ({
  request,
  baseURL,
}) => {
  for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
    const answer = await request.fetch("/nieuwsbrief/bevestigen/voorbeeld-token", { method });
    expect(answer.status(), method).toBe(405);
    expect(answer.headers().allow).toBe("GET, HEAD, POST");
  }
  // Playwright sets Host from the URL; a raw request sets a broken one. (An address already in
  // the page cache is answered before any of this: its page does not depend on the Host.)
  const { port } = new URL(baseURL as string);
  const raw = await rawRequest(
    Number(port),
    `GET /nieuwsbrief?host=${Date.now()} HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n`,
  );
  expect(raw).toMatch(/^HTTP\/1\.1 400/);
  expect(raw).toContain("ongeldige Host-header");
  // A request target that would choose the host of the URL the app sees.
  const otherHost = await rawRequest(
    Number(port),
    `GET //a:99999/?x=${Date.now()} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
  );
  expect(otherHost).toMatch(/^HTTP\/1\.1 400/);
  expect(otherHost).toContain("Dit adres kan niet worden verwerkt.");
});

test("a huge POST body is refused before anything reads it", async ({ baseURL }) => {
  // A raw socket states a 2 MB body and sends none of it: the answer must come without
  // the body. (A client that keeps writing after the 413 sees the server close the
  // connection, as HTTP allows, so a full upload would test the client, not the limit.)
  const port = Number(new URL(baseURL as string).port);
  const head =
    "POST /nieuwsbrief HTTP/1.1\r\nHost: localhost\r\n" +
    "Content-Type: application/x-www-form-urlencoded\r\n" +
    `Content-Length: ${2 * 1024 * 1024}\r\n\r\n`;
  const answer = await answerBeforeBody(port, head);
  expect(answer).toMatch(/^HTTP\/1\.1 413/);
  expect(answer).toContain("Het verzoek is te groot.");
});

test("RSS 2.0 feed with RFC 822 dates, sitemap and robots.txt", async ({ request, baseURL }) => {
  const rss = await request.get("/rss.xml");
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  const feed = await rss.text();
  expect(feed).toContain('<rss version="2.0"');
  expect(feed).toContain(`<link>${baseURL}${seedPath}</link>`);
  expect(feed).toMatch(/<pubDate>Mon, 02 Oct 2023 00:00:00 GMT<\/pubDate>/);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`<loc>${baseURL}${seedPath}</loc>`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toContain("Disallow: /nieuwsbrief/bevestigen/");
});

test("/healthz checks the database", async ({ request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", database: "ok" });
  expect(health.headers()["cache-control"]).toBe("no-store");
});

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(text));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

/**
 * Writes the text without ending the request and resolves with what the server answered by
 * the time it closed the connection (or "" if it waited 20 s for a body that never came).
 */
function answerBeforeBody(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let answer = "";
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("end", done);
    socket.on("error", done);
    socket.setTimeout(20_000, done);
  });
}
