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

test("a huge POST body is refused before anything reads it", async ({ request }) => {
  const answer = await request.post("/nieuwsbrief", {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: `email=${"a".repeat(2 * 1024 * 1024)}`,
  });
  expect(answer.status()).toBe(413);
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
