import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import type { ContentKind } from "@vaart/newsletter/content-store";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { type KindSegment, segmentOf } from "./content.server";
import { baseRevisionOf, openDocument, previewUrl, saveDocument } from "./editor.server";
import { authorsForm, formToken } from "./forms.server";
import {
  BODY,
  composeDocument,
  documentValues,
  type FieldProblem,
  type FormValues,
  type FrontMatterField,
  formValues,
  problemsByField,
} from "./front-matter-form";
import { requireAuthor } from "./session.server";

/** The address of a new document: /<segment>/nieuw (so "nieuw" is never a slug). */
export const NEW_SLUG = "nieuw";

export interface MarkdownEditorConfig {
  kind: ContentKind;
  fields: readonly FrontMatterField[];
  /** The values a new document starts with. */
  newValues: (today: string) => FormValues;
  /** The document's public address on the site, for the preview link; none for a mail. */
  publicPath?: (slug: string) => string;
}

/** What the editor page shows: from the loader, or from an action that could not save. */
export interface EditorPageData {
  author: string;
  formToken: string;
  isNew: boolean;
  slug: string;
  segment: KindSegment;
  values: FormValues;
  baseRevision: number;
  source: string | null;
  stored: {
    state: "draft" | "published" | "unpublished";
    latestRevision: number;
    publishedRevision: number | null;
    latestAuthor: string;
    updatedAt: string;
  } | null;
  problems: FieldProblem[];
  /** A sentence above the form: what was saved, or why nothing was. */
  notice: { tone: "ok" | "problem"; text: string } | null;
  preview: string | null;
  /** After a stale save: the newest version's address. */
  newest: string | null;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The confirmation after a redirect: ?opgeslagen=3, ?gepubliceerd=3, ?offline, … */
function confirmation(url: URL): EditorPageData["notice"] {
  const saved = url.searchParams.get("opgeslagen");
  const published = url.searchParams.get("gepubliceerd");
  if (url.searchParams.has("nietGepubliceerd") && saved) {
    return {
      tone: "problem",
      text: `Opgeslagen als versie ${saved}, maar niet gepubliceerd: herstel eerst de fouten hieronder.`,
    };
  }
  if (published) return { tone: "ok", text: `Versie ${published} is gepubliceerd.` };
  if (saved) return { tone: "ok", text: `Opgeslagen als versie ${saved} (concept).` };
  if (url.searchParams.has("offline")) return { tone: "ok", text: "Offline gehaald." };
  return null;
}

export function markdownEditor(config: MarkdownEditorConfig) {
  const segment = segmentOf(config.kind);

  async function loader({ request, params, context }: LoaderFunctionArgs) {
    const author = await requireAuthor(request, context);
    const slug = params.slug ?? "";
    const url = new URL(request.url);
    const base = { author, formToken: formToken(), segment, newest: null };
    if (slug === NEW_SLUG) {
      const page: EditorPageData = {
        ...base,
        isNew: true,
        slug: "",
        values: config.newValues(new Date().toISOString().slice(0, 10)),
        baseRevision: 0,
        source: null,
        stored: null,
        problems: [],
        notice: null,
        preview: null,
      };
      return data(page, { headers: privatePageHeaders });
    }
    const document = await openDocument(config.kind, slug);
    if (!document) throw notFound(privatePageHeaders);
    const { stored } = document;
    const page: EditorPageData = {
      ...base,
      isNew: false,
      slug,
      values: documentValues(config.fields, document.text),
      baseRevision: document.baseRevision,
      source: document.source,
      stored: stored && {
        state: stored.state,
        latestRevision: stored.latestRevision,
        publishedRevision: stored.publishedRevision,
        latestAuthor: stored.latestAuthor,
        updatedAt: stored.updatedAt,
      },
      problems: problemsByField(config.fields, stored?.problems ?? []),
      notice: confirmation(url),
      preview:
        stored && config.publicPath && stored.problems.length === 0
          ? previewUrl(context, config.kind, config.publicPath(slug), slug, stored.latestRevision)
          : null,
    };
    return data(page, { headers: privatePageHeaders });
  }

  async function action({ request, params, context }: ActionFunctionArgs) {
    const { author, form, refusal } = await authorsForm(request, context);
    if (refusal) return refusal;
    const isNew = params.slug === NEW_SLUG;
    const values = formValues(config.fields, form);
    const publish = form.get("intent") === "publiceren";
    const posted = baseRevisionOf(form.get("baseRevision"));
    // A new document's address: its front matter's slug (an article), or a field of its own
    // (an Update, whose slug is its file name).
    const typedSlug = form.get("slug");
    if (isNew && typeof typedSlug === "string") values.slug = typedSlug;
    const slug = isNew ? (values.slug ?? "").trim() : (params.slug ?? "");
    const again = (
      status: number,
      notice: string,
      problems: FieldProblem[] = [],
      extra: Partial<EditorPageData> = {},
    ) =>
      data(
        {
          refused: false as const,
          page: {
            values,
            baseRevision: posted ?? 0,
            problems,
            notice: { tone: "problem" as const, text: notice },
            newest: null,
            ...extra,
          },
        },
        { status, headers: privatePageHeaders },
      );

    if (posted === null)
      return again(400, "Dit formulier mist zijn versienummer; open de pagina opnieuw.");
    if (isNew) {
      const slugField = "slug";
      if (!slugPattern.test(slug) || slug === NEW_SLUG || slug.length > 200) {
        return again(400, "Niet opgeslagen: het adres is niet goed.", [
          {
            field: slugField,
            message:
              "Kies een adres van kleine letters, cijfers en streepjes, bijvoorbeeld samenwerken-in-de-keten (niet: nieuw).",
          },
        ]);
      }
      if (await openDocument(config.kind, slug)) {
        return again(409, "Niet opgeslagen: dit adres bestaat al.", [
          {
            field: slugField,
            message: `Er is al een document met het adres ${slug}: kies een ander, of open het bestaande via het overzicht.`,
          },
        ]);
      }
    } else if (!(await openDocument(config.kind, slug))) {
      throw notFound(privatePageHeaders);
    }

    const outcome = await saveDocument({
      kind: config.kind,
      slug,
      text: composeDocument(config.fields, values),
      author,
      baseRevision: posted,
      publish,
    });
    const page = `/${segment}/${slug}`;
    if (outcome.ok) {
      const key = outcome.published ? "gepubliceerd" : "opgeslagen";
      throw redirect(`${page}?${key}=${outcome.revision}`, {
        status: 303,
        headers: privatePageHeaders,
      });
    }
    if (outcome.reason === "invalid") {
      throw redirect(`${page}?opgeslagen=${outcome.revision}&nietGepubliceerd`, {
        status: 303,
        headers: privatePageHeaders,
      });
    }
    if (outcome.reason === "conflict") {
      const who = outcome.latestAuthor ?? "een andere auteur";
      return again(
        409,
        `Niet opgeslagen: ${who} heeft intussen versie ${outcome.latestRevision} opgeslagen. Je eigen tekst staat hieronder nog. Open de nieuwste versie, neem je wijziging daarin over en sla opnieuw op.`,
        [],
        { newest: page },
      );
    }
    return again(400, `Niet opgeslagen: ${outcome.message}`);
  }

  return { loader, action };
}

export { BODY };
