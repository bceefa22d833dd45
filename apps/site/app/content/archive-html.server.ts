/**
 * The web version of a sent Update, as the archive page shows it. `web_html` is our own
 * output: the Update's Markdown rendered with everything an author typed escaped, frozen
 * when sending started. It is trusted, but it comes from the database rather than from this
 * build, so the page does not take it on trust alone: elements that run or load something
 * (script, style, frames, forms, embedded objects), event-handler attributes and
 * `javascript:`/`data:` links are removed before it is inserted. The site's CSP
 * (`script-src 'self'`) would stop inline script anyway; this keeps a `<script src>` out too.
 */
const ACTIVE_WITH_CONTENT =
  /<(script|style|template|noscript|iframe|object|svg|math)\b[\s\S]*?<\/\1\s*>/gi;
const ACTIVE_TAG =
  /<\/?(?:script|style|template|noscript|iframe|frame|frameset|object|embed|applet|form|input|button|select|textarea|link|meta|base|svg|math)\b[^>]*>/gi;
const EVENT_ATTRIBUTE = /\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
const UNSAFE_URL =
  /(\s(?:href|src|action|formaction|xlink:href)\s*=\s*)(["']?)\s*(?:javascript|vbscript|data):[^"'\s>]*\2/gi;

export function archiveHtml(webHtml: string): string {
  return webHtml
    .replace(ACTIVE_WITH_CONTENT, "")
    .replace(ACTIVE_TAG, "")
    .replace(EVENT_ATTRIBUTE, "")
    .replace(UNSAFE_URL, '$1"#"');
}
