import { gzipSync } from "node:zlib";

export interface PageWeight {
  path: string;
  /** Gzipped bytes per kind, as a browser downloads them on a first visit. */
  html: number;
  css: number;
  js: number;
  fonts: number;
  images: number;
  requests: number;
}

const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/**
 * What a first visit to `path` downloads: the HTML and every stylesheet, script, font and
 * image it names (CSS `url()`s included), each gzipped. Measured from the HTML, not a browser,
 * so it is exact and repeatable; lazy images count (a visitor who scrolls loads them).
 */
export async function measurePageWeight(origin: string, path: string): Promise<PageWeight> {
  const weight: PageWeight = { path, html: 0, css: 0, js: 0, fonts: 0, images: 0, requests: 0 };
  const seen = new Set<string>();
  const fetchBytes = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    weight.requests += 1;
    return new Uint8Array(await response.arrayBuffer());
  };
  const html = await fetchBytes(new URL(path, origin).href);
  weight.html = gz(html);
  const text = new TextDecoder().decode(html);
  const assets = [
    ...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    ...text.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"/g),
    ...text.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...text.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ...text.matchAll(/<img[^>]+src="([^"]+)"/g),
    ...text.matchAll(/<link[^>]+rel="icon"[^>]+href="([^"]+)"/g),
  ].map((match) => new URL(match[1] ?? "", new URL(path, origin)).href);
  for (const url of assets) {
    if (seen.has(url)) continue;
    seen.add(url);
    const bytes = await fetchBytes(url);
    if (/\.css(\?|$)/.test(url)) {
      weight.css += gz(bytes);
      const css = new TextDecoder().decode(bytes);
      for (const ref of css.matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
        const asset = new URL(ref[1] ?? "", url).href;
        if (asset.startsWith("data:") || seen.has(asset)) continue;
        seen.add(asset);
        const assetBytes = await fetchBytes(asset);
        if (/\.(woff2?|ttf|otf)(\?|$)/.test(asset)) weight.fonts += assetBytes.length;
        else weight.images += gz(assetBytes);
      }
    } else if (/\.m?js(\?|$)/.test(url)) weight.js += gz(bytes);
    else weight.images += gz(bytes);
  }
  return weight;
}
