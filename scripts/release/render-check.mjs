// Run inside the throwaway consumer project of scripts/release-dry-run.sh, with the packed
// @vaart/ui installed from its tarball: renders components to HTML with react-dom/server and
// checks that the package's stylesheet exists and styles every class the HTML uses.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const ui = await import("@vaart/ui");
const require = createRequire(import.meta.url);
const cssFile = require.resolve("@vaart/ui/styles.css");
const css = readFileSync(cssFile, "utf8");

const { ArticleLayout, SignupForm, brandTheme } = ui;
for (const [name, value] of Object.entries({ ArticleLayout, SignupForm, brandTheme })) {
  if (!value) throw new Error(`@vaart/ui does not export ${name}`);
}

const html = renderToStaticMarkup(
  h(
    "div",
    { className: brandTheme },
    h(
      ArticleLayout,
      {
        title: "Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
        lead: "Een ketensamenwerking vraagt om gelijkwaardigheid.",
        readMore: { label: "Lees meer over het ontwikkelen van samenwerken", href: "/artikelen" },
        asides: h(SignupForm, {
          action: "/nieuwsbrief",
          consentLabel: "Ja, ik wil de tweemaandelijkse 'Updates' ontvangen.",
          hiddenFields: { formToken: "token" },
        }),
      },
      h("p", null, "De tekst van het artikel."),
    ),
  ),
);

const failures = [];
if (!html.includes("Is gelijkwaardigheid in een ketensamenwerking mogelijk?")) {
  failures.push("the article title is not in the HTML");
}
const form = html.match(/<form[^>]*>/)?.[0] ?? "";
if (!form.includes('method="post"') || !form.includes('action="/nieuwsbrief"')) {
  failures.push(`no <form method="post" action="/nieuwsbrief"> in the HTML: ${form || "no form"}`);
}
// Every element with a class must get at least one of its classes from the stylesheet.
// (A class alone may have no rule: vanilla-extract gives a composed style, `style([a, b])`,
// an identifier class of its own next to the classes that carry the rules.)
const classLists = [...html.matchAll(/class="([^"]*)"/g)].map((match) =>
  match[1].split(/\s+/).filter(Boolean),
);
const classes = new Set(classLists.flat());
const cssEscape = (name) => name.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`);
const inStylesheet = (name) => new RegExp(`\\.${cssEscape(name)}(?![A-Za-z0-9_-])`).test(css);
const styled = [...classes].filter(inStylesheet);
const unstyledElements = classLists.filter((list) => !list.some(inStylesheet));
console.log(`stylesheet: ${cssFile} (${css.length} bytes)`);
console.log(
  `HTML: ${html.length} bytes, ${classLists.length} elements with classes, ${classes.size} distinct classes, ${styled.length} of them in the stylesheet`,
);
if (!classes.has(brandTheme) || !inStylesheet(brandTheme)) {
  failures.push(`the theme class ${brandTheme} is not styled by the stylesheet`);
}
if (classes.size < 5) failures.push(`only ${classes.size} classes rendered`);
for (const list of unstyledElements) {
  failures.push(`an element with class="${list.join(" ")}" has no rule in the stylesheet`);
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  process.exit(1);
}
console.log(
  "✓ the packed @vaart/ui renders to HTML, and its stylesheet styles every element that has a class",
);
