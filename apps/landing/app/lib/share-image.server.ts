import { createHash } from "node:crypto";
import { Resvg } from "@resvg/resvg-js";
import { siteIdentity } from "@vaart/content/site";
import { themeColors } from "@vaart/ui/tokens";
import { escapeXml } from "@vaart/web";
import type { Campaign } from "../campaigns/campaign-file";

export const shareImageSize = { width: 1200, height: 630 } as const;

/** What Open Graph gets: the campaign's own image, or the generated one. */
export function shareImageFor(campaign: Campaign, origin: string) {
  if (campaign.shareImage) {
    return {
      url: `${origin}${campaign.shareImage.src}`,
      alt: campaign.shareImage.alt,
      width: campaign.shareImage.width,
      height: campaign.shareImage.height,
    };
  }
  return {
    url: `${origin}/${campaign.slug}/deelafbeelding.png?v=${shareImageVersion(campaign)}`,
    alt: campaign.title,
    ...shareImageSize,
  };
}

/** Changes when the image would change, so caches may keep each version for long. */
export function shareImageVersion(campaign: Campaign): string {
  return createHash("sha256")
    .update(`${campaign.title}\n${campaign.description}\n${campaign.theme}\nv1`)
    .digest("base64url")
    .slice(0, 10);
}

/** Greedy word wrap for a title; a rough width per character of the sans-serif face. */
function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    if (current && `${current} ${word}`.length > maxChars) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]?.replace(/\s*\S*$/, "")} …`;
    return kept;
  }
  return lines;
}

/** The card as SVG: the campaign's theme colours, its title large, the brand name small. */
export function shareImageSvg(campaign: Campaign): string {
  const colors = themeColors[campaign.theme];
  const fonts = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
  const titleLines = wrap(campaign.title, 26, 4);
  const titleSize = titleLines.length > 3 ? 60 : 68;
  const top = 315 - ((titleLines.length - 1) * titleSize * 1.15) / 2;
  const title = titleLines
    .map(
      (line, i) =>
        `<text x="96" y="${Math.round(top + i * titleSize * 1.15)}" font-size="${titleSize}" font-weight="700">${escapeXml(line)}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="${colors.background}"/>
<rect width="1200" height="630" fill="none" stroke="${colors.surface}" stroke-width="48"/>
<rect x="96" y="96" width="120" height="12" rx="6" fill="${colors.accent}"/>
<g font-family="${fonts}" fill="${colors.heading}">${title}</g>
<text x="96" y="560" font-family="${fonts}" font-size="32" fill="${colors.textMuted}">${escapeXml(siteIdentity.name)}</text>
</svg>`;
}

const cache = new Map<string, Buffer>();

/** The 1200 × 630 PNG, rendered once per version and kept in memory. */
export function shareImagePng(campaign: Campaign): Buffer {
  const key = `${campaign.slug}:${shareImageVersion(campaign)}`;
  let png = cache.get(key);
  if (!png) {
    png = new Resvg(shareImageSvg(campaign), {
      fitTo: { mode: "width", value: shareImageSize.width },
      font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    })
      .render()
      .asPng();
    cache.set(key, png);
  }
  return png;
}
