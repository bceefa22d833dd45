import { describe, expect, it } from "vitest";
import { contrastRatio } from "../../ui/src/theme/contrast.js";
import { brandColors, darkColors } from "../../ui/src/theme/tokens.js";
import { mailColours, mailDarkColours } from "../src/mail/templates.js";
import { freezeUpdate, PLACEHOLDER, personalise } from "../src/updates/index.js";

const site = { siteUrl: "https://www.example.nl/blog", siteName: "Vaart in samenwerken" };
const FILE = "apps/site/content/updates/2027-02-updates.md";

function frozen(
  body: string,
  front = 'subject: "Updates februari"\npreheader: Wat er speelt in de keten\ndate: 2027-02-01',
) {
  return freezeUpdate({ file: FILE, text: `---\n${front}\n---\n\n${body}` }, site);
}

const recipient = {
  firstName: "Anna",
  unsubscribeUrl: "https://www.example.nl/blog/nieuwsbrief/afmelden/abc_DEF-123",
};

const BODY = `Beste lezer, dit is de tekst.

## Wat ik zag

Een lijst:

- **vertrouwen** eerst
- dan *conflict*

Lees [het artikel](/artikelen/gelijkwaardigheid) of mail [mij](mailto:info@example.nl), of ga naar https://lencioni.example.org/model.
`;

describe("the Update's mail (HTML part)", () => {
  it("greets the recipient by first name at the top, escaped, and 'Hallo,' without one", () => {
    const mail = frozen(BODY);
    expect(mail.html.indexOf(PLACEHOLDER.greeting)).toBeLessThan(mail.html.indexOf("Beste lezer"));
    const html = personalise(mail, {
      ...recipient,
      firstName: `<img src=x onerror=alert(1)> & "Jan"`,
    }).html;
    expect(html).toContain("Hallo &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Jan&quot;,");
    expect(html).not.toContain("<img");
    expect(personalise(mail, { ...recipient, firstName: null }).html).toContain(">Hallo,</p>");
    expect(personalise(mail, recipient).html).toContain(">Hallo Anna,</p>");
    // A name that looks like a placeholder stays a name.
    const sly = personalise(mail, { ...recipient, firstName: PLACEHOLDER.unsubscribeUrl });
    expect(sly.text).toContain(`Hallo ${PLACEHOLDER.unsubscribeUrl},`);
    expect(sly.text.split("afmelden/abc_DEF-123")).toHaveLength(2);
  });

  it("links to the web version and has a one-click unsubscribe link per recipient in the footer", () => {
    const html = personalise(frozen(BODY), recipient).html;
    expect(html).toMatch(
      /<a [^>]*href="https:\/\/www\.example\.nl\/blog\/nieuwsbrief\/archief\/2027-02-updates"[^>]*>Bekijk deze Update in je browser<\/a>/,
    );
    const footer = html.slice(html.lastIndexOf("Je krijgt deze mail"));
    expect(footer).toMatch(
      /<a [^>]*href="https:\/\/www\.example\.nl\/blog\/nieuwsbrief\/afmelden\/abc_DEF-123"[^>]*>Afmelden met één klik<\/a>/,
    );
    expect(footer).toContain("Vaart in samenwerken");
    expect(html).not.toContain("%%");
  });

  it("has a hidden preheader before everything else, the written one or the text's start", () => {
    const html = frozen(BODY).html;
    const body = html.slice(html.indexOf("<body"));
    const hidden =
      /<div style="display: none;[^"]*max-height: 0;[^"]*overflow: hidden;[^"]*">([^<]*)<\/div>/.exec(
        body,
      );
    expect(hidden?.[1]).toMatch(/^Wat er speelt in de keten/);
    expect(body.indexOf(hidden?.[0] ?? "?")).toBeLessThan(body.indexOf("Bekijk deze Update"));
    const derived = frozen(BODY, "subject: Zonder\ndate: 2027-02-01").html;
    expect(derived).toMatch(/overflow: hidden;[^"]*">Beste lezer, dit is de tekst\./);
  });

  it("loads nothing from elsewhere: no images, fonts, stylesheets or scripts", () => {
    const html = frozen(BODY).html;
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/url\s*\(/i);
    expect(html).not.toMatch(/<(img|link|script|iframe|object|embed|svg)\b/i);
    expect(html).not.toMatch(/@import|@font-face/i);
  });

  it("is a table layout with inline styles in brand colours, each text on its own background", () => {
    const html = frozen(BODY).html;
    expect(html).toMatch(/<table role="presentation"[^>]*width="100%"/);
    expect(html).toMatch(/<table role="presentation"[^>]*style="width: 100%; max-width: 600px;"/);
    // Every element that shows text carries its own style (clients drop <style> blocks).
    for (const tag of ["p", "h1", "h2", "ul", "li", "a", "td"]) {
      const unstyled = [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, "g"))].filter(
        (m) => !/style="/.test(m[1] ?? ""),
      );
      expect(
        unstyled.map((m) => m[0]),
        `<${tag}> without inline style`,
      ).toEqual([]);
    }
    expect(html).toContain(`color: ${brandColors.text};`);
    expect(html).toContain(`background-color: ${brandColors.accent};`);
    expect(html).toContain(`color: ${brandColors.heading};`);
    // The text sits on a card and the card on a page colour: a client that darkens only
    // the page behind the mail cannot leave dark text on a dark background.
    expect(html).toContain(`<td class="u-card" bgcolor="${brandColors.background}"`);
    expect(html).toMatch(new RegExp(`<body class="u-bg" bgcolor="${brandColors.surface}"`));
  });

  it("is dark-mode safe: it says it supports both schemes and switches to the dark theme's colours", () => {
    const html = frozen(BODY).html;
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('<meta name="supported-color-schemes" content="light dark">');
    const dark = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/.exec(html)?.[1] ?? "";
    expect(dark).toContain(`.u-card { background-color: ${darkColors.surface} !important; }`);
    expect(dark).toContain(`.u-text { color: ${darkColors.text} !important; }`);
    expect(dark).toContain(`.u-link { color: ${darkColors.accent} !important; }`);
    // Each light text colour stays readable on its light background, each dark one on dark.
    expect(contrastRatio(mailColours.text, mailColours.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(mailColours.muted, mailColours.surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(mailColours.accent, mailColours.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(mailColours.onAccent, mailColours.accent)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(mailDarkColours.text, mailDarkColours.card)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(mailDarkColours.muted, mailDarkColours.background)).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(contrastRatio(mailDarkColours.accent, mailDarkColours.card)).toBeGreaterThanOrEqual(4.5);
    expect(mailColours).toMatchObject({
      surface: brandColors.surface,
      background: brandColors.background,
      heading: brandColors.heading,
      border: brandColors.border,
    });
    expect(mailDarkColours).toMatchObject({
      background: darkColors.background,
      card: darkColors.surface,
      text: darkColors.text,
      accent: darkColors.accent,
    });
  });

  it("shows raw HTML as text and makes site links absolute; only web and mail links remain", () => {
    const mail = frozen(
      `<script>alert(1)</script>\n\nEen <b onclick="x()">vet</b> woord en [link](https://x.example/a?b=1&c=2 "titel").\n\n${BODY}`,
    );
    for (const html of [mail.html, mail.webHtml]) {
      expect(html).not.toMatch(/<script|<b[ >]|onclick="/);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("&lt;b onclick=&quot;x()&quot;&gt;vet&lt;/b&gt;");
      expect(html).toMatch(/href="https:\/\/x\.example\/a\?b=1&amp;c=2" title="titel"/);
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? "");
      for (const href of hrefs)
        expect(href).toMatch(/^(https?:\/\/|mailto:|\/[^/]|%%VAART_UNSUBSCRIBE_URL%%$)/);
    }
    expect(mail.html).toContain('href="https://www.example.nl/blog/artikelen/gelijkwaardigheid"');
    expect(mail.html).toContain('href="mailto:info@example.nl"');
    expect(mail.html).toContain('href="https://lencioni.example.org/model"');
    // The archive page is on the site itself: its links stay site-relative.
    expect(mail.webHtml).toContain('<a href="/artikelen/gelijkwaardigheid">het artikel</a>');
  });

  it("never lets the author's text become a placeholder", () => {
    const mail = frozen(
      "Stuur %%VAART_UNSUBSCRIBE_URL%% en %%VAART_GREETING%% door, of [klik](https://x.example/%%VAART_UNSUBSCRIBE_URL%%). 100%% zeker.",
      'subject: "50%% %%VAART_GREETING%%"\ndate: 2027-02-01',
    );
    const out = personalise(mail, recipient);
    expect(out.html.split("afmelden/abc_DEF-123")).toHaveLength(2);
    expect(out.text.split("afmelden/abc_DEF-123")).toHaveLength(2);
    expect(out.html.split("Hallo Anna,")).toHaveLength(2);
    expect(out.text.split("Hallo Anna,")).toHaveLength(2);
    // Still readable as written: the browser shows &#37; as %.
    expect(out.html).toContain("Stuur &#37;&#37;VAART_UNSUBSCRIBE_URL&#37;&#37; en");
    expect(out.text).toContain("100%\u200b% zeker");
  });
});

describe("the Update's plain-text part", () => {
  it("has the same content with the links written out, greeting and unsubscribe link included", () => {
    const mail = frozen(BODY);
    const text = personalise(mail, recipient).text;
    expect(text).toContain(
      "Bekijk deze Update in je browser: https://www.example.nl/blog/nieuwsbrief/archief/2027-02-updates",
    );
    expect(text).toContain("Updates februari\n================");
    expect(text).toContain("Hallo Anna,\n\nBeste lezer, dit is de tekst.");
    expect(text).toContain("Wat ik zag\n----------");
    expect(text).toContain("- vertrouwen eerst\n- dan conflict");
    expect(text).toContain(
      "Lees het artikel (https://www.example.nl/blog/artikelen/gelijkwaardigheid) of mail mij (info@example.nl), of ga naar https://lencioni.example.org/model.",
    );
    expect(text).toContain(
      "Afmelden met één klik: https://www.example.nl/blog/nieuwsbrief/afmelden/abc_DEF-123",
    );
    expect(text).not.toMatch(/<[a-z]/i);
  });
});

describe("the web version (archive page)", () => {
  it("is plain semantic HTML of the text: no greeting, placeholders, styles or mail frame", () => {
    const web = frozen(BODY).webHtml;
    expect(web).toMatch(/^<p>Beste lezer, dit is de tekst\.<\/p>\n<h2>Wat ik zag<\/h2>/);
    expect(web).toContain(
      "<ul>\n<li><strong>vertrouwen</strong> eerst</li>\n<li>dan <em>conflict</em></li>\n</ul>",
    );
    expect(web).not.toMatch(/%%|style=|class=|<table|Hallo|Afmelden|Bekijk deze Update/);
  });
});
