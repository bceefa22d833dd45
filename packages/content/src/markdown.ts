import { Marked, type Tokens } from "marked";

/**
 * Markdown to HTML. Files in the repository arrive through review and are trusted as they
 * are; Markdown typed into the studio is not: there raw HTML is shown as text, and links
 * and images keep only addresses that cannot run code or fetch from another host.
 */
const trusted = new Marked({ async: false, gfm: true });

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** http(s), mailto, a page of this origin (/…) or a part of this page (#…). */
export function safeLinkHref(href: string): boolean {
  return /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i.test(href.trim());
}

const untrusted = new Marked({
  async: false,
  gfm: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!safeLinkHref(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
      return `<a href="${escapeHtml(token.href.trim())}"${title}>${text}</a>`;
    },
    // Only images of this origin: another host's image would tell it who reads the page.
    image(token: Tokens.Image) {
      if (!/^\/(?![/\\])/.test(token.href.trim())) return escapeHtml(token.text);
      return `<img src="${escapeHtml(token.href.trim())}" alt="${escapeHtml(token.text)}">`;
    },
  },
});

export type MarkdownTrust = "trusted" | "untrusted";

export function renderMarkdown(source: string, trust: MarkdownTrust = "trusted"): string {
  return (trust === "trusted" ? trusted : untrusted).parse(source) as string;
}
