import type { Token, Tokens } from "marked";
import { escapeHtml, mailColours, mailDarkColours } from "../mail/templates.js";
import { type FrozenUpdate, PLACEHOLDER } from "./frozen.js";
import { childrenOf, type ParsedUpdate, parseUpdate, type UpdateSource } from "./update-file.js";

export interface UpdateSite {
  /** SITE_URL, e.g. https://www.vaartinsamenwerken.nl (a path in it is kept). */
  siteUrl: string;
  /** NEWSLETTER_SITE_NAME, e.g. "Vaart in samenwerken". */
  siteName: string;
}

/** Where the archive shows an Update: `<siteUrl>/nieuwsbrief/archief/<slug>`. */
export function archiveUrl(site: Pick<UpdateSite, "siteUrl">, slug: string): string {
  return absolute(site.siteUrl, `/nieuwsbrief/archief/${slug}`);
}

function absolute(siteUrl: string, path: string): string {
  return new URL(`${siteUrl.replace(/\/+$/, "")}${path}`).href;
}

/** Parse, check and render an Update file's text. Pure: no files, no clock, no database. */
export function freezeUpdate(source: UpdateSource, site: UpdateSite): FrozenUpdate {
  return renderUpdate(parseUpdate(source), site);
}

/**
 * Author text must never produce a placeholder (`%%VAART_…%%`), which `personalise` would
 * fill in: in HTML every `%` becomes `&#37;` (same character on screen and in a link), in
 * plain text a zero-width space separates two `%`.
 */
const noPlaceholderHtml = (html: string) => html.replaceAll("%", "&#37;");
const noPlaceholderText = (text: string) => text.replace(/%(?=%)/g, "%\u200b");
const e = (value: string) => noPlaceholderHtml(escapeHtml(value));

const dutchDate = (date: string, withDay: boolean) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString("nl-NL", {
    timeZone: "UTC",
    ...(withDay ? { day: "numeric" } : {}),
    month: "long",
    year: "numeric",
  });

export function renderUpdate(update: ParsedUpdate, site: UpdateSite): FrozenUpdate {
  const links = (href: string) => resolveHref(href, site.siteUrl);
  const frozen: FrozenUpdate = {
    slug: update.slug,
    subject: update.subject,
    preheader: update.preheader,
    date: update.date,
    html: mailHtml(update, site, blocks(update.tokens, mailStyle, links)),
    text: mailText(update, site, noPlaceholderText(textBlocks(update.tokens, links).trim())),
    webHtml: blocks(update.tokens, webStyle, (href) => href.trim()),
  };
  // The template's own placeholders, once each in both parts, and nothing else.
  for (const part of [frozen.html, frozen.text]) {
    for (const placeholder of Object.values(PLACEHOLDER)) {
      if (part.split(placeholder).length !== 2) {
        throw new Error(`The rendered Update ${update.slug} holds ${placeholder} more than once`);
      }
    }
  }
  return frozen;
}

function resolveHref(href: string, siteUrl: string): string {
  const value = href.trim();
  return /^\/(?!\/)/.test(value) ? absolute(siteUrl, value) : new URL(value).href;
}

// ---------------------------------------------------------------------------------------
// HTML: one walk over the tokens, styled for mail (inline) or left plain for the web page.

interface Style {
  /** Attributes for an element, e.g. ` style="…" class="…"`; "" for the web version. */
  attrs(tag: string): string;
  escape(value: string): string;
}

const SERIF = "Georgia, 'Times New Roman', Times, serif";
const MONO = "Menlo, Consolas, 'Courier New', monospace";
const c = mailColours;
const body = `font-family: ${SERIF}; font-size: 17px; line-height: 1.6; color: ${c.text};`;
const mailCss: Record<string, [string, string]> = {
  p: ["u-text", `margin: 0 0 16px 0; ${body}`],
  h2: [
    "u-heading",
    `margin: 28px 0 12px 0; font-family: ${SERIF}; font-size: 22px; line-height: 1.3; font-weight: bold; color: ${c.heading};`,
  ],
  h3: [
    "u-heading",
    `margin: 24px 0 8px 0; font-family: ${SERIF}; font-size: 19px; line-height: 1.3; font-weight: bold; color: ${c.heading};`,
  ],
  h4: [
    "u-heading",
    `margin: 20px 0 8px 0; font-family: ${SERIF}; font-size: 17px; line-height: 1.4; font-weight: bold; color: ${c.heading};`,
  ],
  ul: ["u-text", `margin: 0 0 16px 0; padding: 0 0 0 24px; ${body}`],
  ol: ["u-text", `margin: 0 0 16px 0; padding: 0 0 0 24px; ${body}`],
  li: ["u-text", `margin: 0 0 8px 0; ${body}`],
  a: ["u-link", `color: ${c.accent}; text-decoration: underline;`],
  strong: ["", "font-weight: bold;"],
  em: ["", "font-style: italic;"],
  blockquote: [
    "u-text u-rule",
    `margin: 0 0 16px 0; padding: 4px 0 4px 16px; border-left: 4px solid ${c.accent}; ${body}`,
  ],
  code: ["", `font-family: ${MONO}; font-size: 15px;`],
  pre: [
    "u-text u-surface",
    `margin: 0 0 16px 0; padding: 12px; background-color: ${c.surface}; white-space: pre-wrap; word-break: break-word; font-family: ${MONO}; font-size: 15px; line-height: 1.5; color: ${c.text};`,
  ],
  hr: ["u-rule", `border: 0; border-top: 1px solid ${c.border}; margin: 24px 0; height: 0;`],
};
const mailStyle: Style = {
  attrs(tag) {
    const css = mailCss[tag === "h5" || tag === "h6" ? "h4" : tag];
    if (!css) return "";
    return `${css[0] ? ` class="${css[0]}"` : ""} style="${css[1]}"`;
  },
  escape: e,
};
const webStyle: Style = { attrs: () => "", escape: escapeHtml };

function blocks(tokens: Token[], style: Style, href: (raw: string) => string): string {
  const out: string[] = [];
  for (const token of tokens) {
    const a = (tag: string) => style.attrs(tag);
    switch (token.type) {
      case "space":
      case "def":
        break;
      case "heading": {
        const h = token as Tokens.Heading;
        // `#` is refused by the check; `##` is the first level below the page's title.
        const tag = `h${Math.min(6, Math.max(2, h.depth))}`;
        out.push(`<${tag}${a(tag)}>${inline(h.tokens, style, href)}</${tag}>`);
        break;
      }
      case "paragraph":
        out.push(`<p${a("p")}>${inline((token as Tokens.Paragraph).tokens, style, href)}</p>`);
        break;
      case "text": {
        // Block-level text: the content of a tight list item.
        const t = token as Tokens.Text;
        out.push(t.tokens ? inline(t.tokens, style, href) : style.escape(t.text));
        break;
      }
      case "list": {
        const l = token as Tokens.List;
        const tag = l.ordered ? "ol" : "ul";
        const start =
          l.ordered && l.start !== "" && l.start !== 1 ? ` start="${Number(l.start)}"` : "";
        const items = l.items
          .map((item) => `<li${a("li")}>${listItem(item, style, href)}</li>`)
          .join("\n");
        out.push(`<${tag}${start}${a(tag)}>\n${items}\n</${tag}>`);
        break;
      }
      case "blockquote":
        out.push(
          `<blockquote${a("blockquote")}>\n${blocks((token as Tokens.Blockquote).tokens, style, href)}\n</blockquote>`,
        );
        break;
      case "code":
        out.push(`<pre${a("pre")}><code>${style.escape((token as Tokens.Code).text)}</code></pre>`);
        break;
      case "hr":
        out.push(`<hr${a("hr")}>`);
        break;
      case "html":
        // Raw HTML is shown as the text that was written, never interpreted.
        out.push(`<p${a("p")}>${style.escape(token.raw.trim())}</p>`);
        break;
      default:
        out.push(`<p${a("p")}>${style.escape(token.raw.trim())}</p>`);
    }
  }
  return out.join("\n");
}

function listItem(item: Tokens.ListItem, style: Style, href: (raw: string) => string): string {
  const checkbox = item.task ? (item.checked ? "☑ " : "☐ ") : "";
  // A tight item holds "text" tokens (no paragraph margins), a loose one paragraphs.
  return (
    checkbox +
    blocks(
      item.tokens.filter((t) => t.type !== "checkbox"),
      style,
      href,
    )
  );
}

function inline(tokens: Token[], style: Style, href: (raw: string) => string): string {
  let out = "";
  const a = (tag: string) => style.attrs(tag);
  for (const token of tokens) {
    switch (token.type) {
      case "text": {
        const t = token as Tokens.Text;
        out += t.tokens ? inline(t.tokens, style, href) : style.escape(t.text);
        break;
      }
      case "escape":
        out += style.escape((token as Tokens.Escape).text);
        break;
      case "strong":
        out += `<strong${a("strong")}>${inline((token as Tokens.Strong).tokens, style, href)}</strong>`;
        break;
      case "em":
        out += `<em${a("em")}>${inline((token as Tokens.Em).tokens, style, href)}</em>`;
        break;
      case "del":
        out += `<del>${inline((token as Tokens.Del).tokens, style, href)}</del>`;
        break;
      case "codespan":
        out += `<code${a("code")}>${style.escape((token as Tokens.Codespan).text)}</code>`;
        break;
      case "br":
        out += "<br>";
        break;
      case "link": {
        const l = token as Tokens.Link;
        const title = l.title ? ` title="${style.escape(l.title)}"` : "";
        out += `<a href="${style.escape(href(l.href))}"${title}${a("a")}>${inline(l.tokens, style, href)}</a>`;
        break;
      }
      default:
        // Inline HTML (`<b>`), and anything else: the text as written.
        out += style.escape(token.raw);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Plain text: the same content, links written out.

function textBlocks(tokens: Token[], href: (raw: string) => string, indent = ""): string {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "space":
      case "def":
        break;
      case "heading": {
        const h = token as Tokens.Heading;
        const text = textInline(h.tokens, href);
        out.push(h.depth <= 2 ? `${text}\n${"-".repeat(Math.min(60, [...text].length))}` : text);
        break;
      }
      case "paragraph":
        out.push(textInline((token as Tokens.Paragraph).tokens, href));
        break;
      case "text": {
        const t = token as Tokens.Text;
        out.push(t.tokens ? textInline(t.tokens, href) : t.text);
        break;
      }
      case "list": {
        const l = token as Tokens.List;
        const first = l.ordered && l.start !== "" ? Number(l.start) : 1;
        const items = l.items.map((item, index) => {
          const marker = l.ordered ? `${first + index}. ` : "- ";
          const box = item.task ? (item.checked ? "[x] " : "[ ] ") : "";
          const content = textBlocks(
            item.tokens.filter((t) => t.type !== "checkbox"),
            href,
          ).replace(/\n/g, `\n${" ".repeat(marker.length)}`);
          return `${marker}${box}${content}`;
        });
        out.push(items.join(l.loose ? "\n\n" : "\n"));
        break;
      }
      case "blockquote":
        out.push(
          textBlocks((token as Tokens.Blockquote).tokens, href)
            .split("\n")
            .map((line) => (line ? `> ${line}` : ">"))
            .join("\n"),
        );
        break;
      case "code":
        out.push(
          (token as Tokens.Code).text
            .split("\n")
            .map((line) => `    ${line}`)
            .join("\n"),
        );
        break;
      case "hr":
        out.push("* * *");
        break;
      default:
        out.push(token.raw.trim());
    }
  }
  return out.join("\n\n").replace(/\n/g, `\n${indent}`);
}

function textInline(tokens: Token[], href: (raw: string) => string): string {
  let out = "";
  for (const token of tokens) {
    switch (token.type) {
      case "text": {
        const t = token as Tokens.Text;
        out += t.tokens ? textInline(t.tokens, href) : t.text;
        break;
      }
      case "escape":
      case "codespan":
        out += (token as Tokens.Escape | Tokens.Codespan).text;
        break;
      case "strong":
      case "em":
      case "del":
        out += textInline(childrenOf(token), href);
        break;
      case "br":
        out += "\n";
        break;
      case "link": {
        const l = token as Tokens.Link;
        const text = textInline(l.tokens, href);
        const url = href(l.href);
        const bare = url.replace(/^mailto:/i, "");
        // An address written out in the text is not repeated.
        out +=
          text === url || text === bare || `http://${text}/` === url || `http://${text}` === url
            ? url.startsWith("mailto:")
              ? bare
              : url
            : `${text} (${url.startsWith("mailto:") ? bare : url})`;
        break;
      }
      default:
        out += token.raw;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The mail around the content.

function preheaderFor(update: ParsedUpdate, content: string): string {
  if (update.preheader) return update.preheader;
  // Without one, mail clients show the first words of the mail: make that the text's start.
  const first = content.replace(/\s+/g, " ").trim();
  return [...first].length > 120 ? `${[...first].slice(0, 117).join("").trimEnd()}…` : first;
}

function mailHtml(update: ParsedUpdate, site: UpdateSite, content: string): string {
  const d = mailDarkColours;
  const archive = archiveUrl(site, update.slug);
  const preheader = preheaderFor(
    update,
    textBlocks(update.tokens, (h) => h).split("\n\n")[0] ?? "",
  );
  const sans = "font-family: Georgia, 'Times New Roman', Times, serif;";
  const small = `${sans} font-size: 14px; line-height: 1.5; color: ${c.muted};`;
  const link = `color: ${c.accent}; text-decoration: underline;`;
  // The padding after the preheader keeps clients from showing the body text after it.
  const filler = "&#847;&zwnj;&nbsp;".repeat(40);
  return `<!doctype html>
<html lang="nl" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="format-detection" content="telephone=no, date=no, address=no, email=no">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(update.subject)}</title>
<style>
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .u-bg { background-color: ${d.background} !important; }
  .u-card { background-color: ${d.card} !important; }
  .u-surface { background-color: ${d.background} !important; }
  .u-text { color: ${d.text} !important; }
  .u-heading { color: ${d.heading} !important; }
  .u-muted { color: ${d.muted} !important; }
  .u-link { color: ${d.accent} !important; }
  .u-rule { border-color: ${d.border} !important; }
}
</style>
</head>
<body class="u-bg" bgcolor="${c.surface}" style="margin: 0; padding: 0; width: 100%; background-color: ${c.surface}; -webkit-text-size-adjust: 100%;">
<div style="display: none; font-size: 1px; line-height: 1px; max-height: 0; max-width: 0; opacity: 0; overflow: hidden; mso-hide: all;">${e(preheader)}${filler}</div>
<table role="presentation" class="u-bg" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${c.surface}" style="width: 100%; background-color: ${c.surface};">
<tr>
<td align="center" style="padding: 16px 12px 32px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width: 100%; max-width: 600px;">
<tr>
<td class="u-muted" align="center" style="padding: 0 0 12px 0; ${small}"><a class="u-link" href="${e(archive)}" style="${link}">Bekijk deze Update in je browser</a></td>
</tr>
<tr>
<td bgcolor="${c.accent}" style="padding: 20px 32px; background-color: ${c.accent}; border-radius: 6px 6px 0 0; ${sans} color: ${c.onAccent};">
<p style="margin: 0; ${sans} font-size: 22px; line-height: 1.3; font-weight: bold; color: ${c.onAccent};">${e(site.siteName)}</p>
<p style="margin: 4px 0 0 0; ${sans} font-size: 15px; line-height: 1.4; color: ${c.onAccent};">Updates · ${e(dutchDate(update.date, true))}</p>
</td>
</tr>
<tr>
<td class="u-card" bgcolor="${c.background}" style="padding: 32px; background-color: ${c.background}; border-radius: 0 0 6px 6px; ${body}">
<h1 class="u-heading" style="margin: 0 0 20px 0; ${sans} font-size: 26px; line-height: 1.25; font-weight: bold; color: ${c.heading};">${e(update.subject)}</h1>
<p class="u-text" style="margin: 0 0 16px 0; ${body}">${PLACEHOLDER.greeting}</p>
${content}
</td>
</tr>
<tr>
<td class="u-muted" style="padding: 24px 32px 0 32px; ${small}">
<p class="u-muted" style="margin: 0 0 8px 0; ${small}">Je krijgt deze mail omdat je je hebt aangemeld voor de tweemaandelijkse Updates van ${e(site.siteName)}.</p>
<p class="u-muted" style="margin: 0 0 8px 0; ${small}"><a class="u-link" href="${PLACEHOLDER.unsubscribeUrl}" style="${link}">Afmelden met één klik</a> · <a class="u-link" href="${e(absolute(site.siteUrl, "/"))}" style="${link}">${e(site.siteName)}</a></p>
</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;
}

function mailText(update: ParsedUpdate, site: UpdateSite, content: string): string {
  const subject = noPlaceholderText(update.subject);
  return [
    `Bekijk deze Update in je browser: ${archiveUrl(site, update.slug)}`,
    "",
    subject,
    "=".repeat(Math.min(60, [...subject].length)),
    "",
    PLACEHOLDER.greeting,
    "",
    content,
    "",
    "* * *",
    "",
    `Je krijgt deze mail omdat je je hebt aangemeld voor de tweemaandelijkse Updates van ${noPlaceholderText(site.siteName)}.`,
    `Afmelden met één klik: ${PLACEHOLDER.unsubscribeUrl}`,
    `${noPlaceholderText(site.siteName)}: ${absolute(site.siteUrl, "/")}`,
    "",
  ].join("\n");
}
