import { SkipLink } from "@vaart/ui";
import type { ReactNode } from "react";
import { mainId } from "../components/SiteFrame";

/*
 * Sample data for the site's page stories: what the routes' loaders would give the pages.
 * The pages, their frame and their copy are the app's own components (docs/decisions/
 * 0011-page-stories.md); only the content (an article from content/articles) is copied.
 */

/** What `<body>` holds on every page (root.tsx's Layout): the skip link, then the page. */
export function SiteBody({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink targetId={mainId} />
      {children}
    </>
  );
}

/** The published article, as content/articles/*.md has it and the loader gives it. */
export const publishedArticle = {
  slug: "is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk",
  title: "Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
  date: "2023-10-02",
  description:
    "Hoe een systemische blik en het werk van Patrick Lencioni helpen om de samenwerking tussen een woningcorporatie en onderhoudsbedrijven gelijkwaardiger te maken.",
  lead: "Binnenkort rond ik mijn opleiding Systemisch Werk af en merk dat ik nu al vaak door de systemische bril naar vraagstukken kijk.",
  readMore: { label: "Lees meer over het ontwikkelen van samenwerken", href: "/artikelen" },
  draft: false,
  /** The body as the site renders its Markdown (marked, GFM) and shows it in RichText. */
  html: `<h2>Ketensamenwerking</h2>
<p>Als we bijvoorbeeld naar ketensamenwerking tussen een woningcorporatie en onderhoudsbedrijven kijken vanuit een systemisch perspectief, kunnen we een bredere kijk krijgen op de dynamiek en interacties die plaatsvinden. Binnen een systemische benadering is gelijkwaardigheid een belangrijk concept, maar het is belangrijk om de specifieke context en dynamiek van de samenwerking te begrijpen.</p>
<h2>Wie betaalt, bepaalt</h2>
<p>Hoewel de uitspraak “wie betaalt, bepaalt” inderdaad kan wijzen op een ongelijke machtsverdeling, kan een systemische benadering helpen om een meer evenwichtige en gelijkwaardige samenwerking te bevorderen. Bovendien kun je elementen uit het werk van Patrick Lencioni toepassen om de samenwerking te ontwikkelen. Lencioni benadrukt het belang van teamwerk en het overwinnen van teamfrustraties.</p>
<h2>Aan het werk!</h2>
<p>Hier zijn enkele aspecten om rekening mee te houden:</p>
<ol>
<li><strong>Herken de onderliggende dynamiek:</strong> Kijk naar de onbewuste patronen en overtuigingen die van invloed kunnen zijn op de machtsverdeling en de samenwerking. Identificeer mogelijke systemische dynamieken zoals hiërarchie, verstrikkingen of uitsluiting van bepaalde partijen. Door deze dynamieken bewust te maken, kan er ruimte ontstaan om ze te transformeren.</li>
<li><strong>Inclusieve besluitvorming:</strong> Streef naar inclusieve besluitvormingsprocessen waarin alle betrokken partijen de mogelijkheid hebben om hun stem te laten horen en invloed uit te oefenen op beslissingen. Dit bevordert een gevoel van gelijkwaardigheid en eigenaarschap binnen de samenwerking.</li>
<li><strong>Onderlinge afhankelijkheid:</strong> Benadruk de onderlinge afhankelijkheid tussen de woningcorporatie en de onderhoudsbedrijven. Een gezonde ketensamenwerking is gebaseerd op het besef dat alle partijen van elkaar afhankelijk zijn om gemeenschappelijke doelen te bereiken. Dit kan helpen om een meer gelijkwaardige mindset te creëren.</li>
<li><strong>Versterk vertrouwen en relaties:</strong> Vertrouwen is geen knop die je aanzet. Investeer in het opbouwen van vertrouwen en het versterken van relaties tussen de betrokken partijen. Dit kan worden gedaan door elkaar ánders te leren kennen, verschillen te overbruggen. open communicatie, het nakomen van afspraken en het tonen van respect voor elkaars belangen en perspectieven.</li>
</ol>
<p>Het werken aan de ontwikkeling van (de zachte kant) van samenwerken is een continu proces dat tijd en inspanning vergt. Door zowel systemische principes als de benaderingen van Lencioni toe te passen, kun je een omgeving creëren waarin gelijkwaardigheid, vertrouwen en effectieve samenwerking kunnen gedijen.</p>
`,
};

/** The article's text without markup, as the site counts it for the reading time. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The home page lists the three newest published articles; the site publishes one today
 * (the other file in content/articles is a draft), so the list has one entry.
 */
export const latestArticles = [publishedArticle];
