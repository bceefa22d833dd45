import { data, redirect } from "@remix-run/node";
import { logoUrl, organisations } from "@vaart/content";
import { LOGO_MAX_BYTES, LogoImageError, prepareLogo } from "@vaart/content/logo-image";
import { isUploadedLogo, parseOrganisationRecord } from "@vaart/content/organisation-record";
import {
  ContentConflictError,
  type ContentDocument,
  ContentInvalidError,
  ContentStoreError,
} from "@vaart/newsletter/content-store";
import { getNewsletter } from "@vaart/web";
import { privatePageHeaders } from "@vaart/web/remix";
import { stringify } from "yaml";
import { studioStore } from "./content.server";
import { formRefusal } from "./forms.server";
import { readUpload } from "./upload.server";

/** The fields of the client logo form, as the author typed them (kept when a save fails). */
export interface OrganisationFields {
  name: string;
  alt: string;
  href: string;
  /** The logo the record names: a file in packages/content/logos or an uploaded image. */
  logo: string;
}

/** Where an organisation stands in the studio, for the page's status line. */
export interface OrganisationStatus {
  state: ContentDocument["state"] | "file";
  latestRevision: number;
  publishedRevision: number | null;
  latestAuthor: string | null;
  updatedAt: string | null;
}

export interface EditableOrganisation {
  slug: string;
  fields: OrganisationFields;
  /** The revision the form starts from (0: not in the studio's store yet). */
  baseRevision: number;
  status: OrganisationStatus;
  /** The saved version's check messages (a restored or older version may have some). */
  problems: string[];
}

/** Ids of the form's fields, which the error summary links to. */
export const fieldIds = {
  name: "naam",
  alt: "alt-tekst",
  href: "link",
  file: "logo-bestand",
} as const;

export type FieldId = (typeof fieldIds)[keyof typeof fieldIds];

export interface FormProblem {
  fieldId: FieldId;
  message: string;
}

/** A body may hold the image and the form's few fields: 2 MB plus room for those. */
export const LOGO_BODY_MAX_BYTES = LOGO_MAX_BYTES + 512 * 1024;

/** The uploaded logo's address in the studio (the public apps serve it under /logos/). */
export function logoPreviewUrl(logo: string): string | null {
  if (isUploadedLogo(logo)) return `/klantlogos/afbeelding/${logo}`;
  return logoUrl(logo);
}

/** The organisation to edit: the latest stored version, else the data file's; null if neither. */
export async function editableOrganisation(slug: string): Promise<EditableOrganisation | null> {
  const store = studioStore();
  const [latest, documents] = await Promise.all([
    store.version("organisation", slug),
    store.listDocuments("organisation"),
  ]);
  const document = documents.find((entry) => entry.slug === slug);
  if (latest && document) {
    return {
      slug,
      fields: fieldsOfRecord(latest.text),
      baseRevision: latest.revision,
      status: {
        state: document.state,
        latestRevision: document.latestRevision,
        publishedRevision: document.publishedRevision,
        latestAuthor: document.latestAuthor,
        updatedAt: document.updatedAt,
      },
      problems: latest.problems,
    };
  }
  const file = fileOrganisation(slug);
  if (!file) return null;
  return {
    slug,
    fields: file,
    baseRevision: 0,
    status: {
      state: "file",
      latestRevision: 0,
      publishedRevision: null,
      latestAuthor: null,
      updatedAt: null,
    },
    problems: [],
  };
}

/** An organisation of packages/content/data/organisations.json as the form's fields. */
function fileOrganisation(slug: string): OrganisationFields | null {
  const organisation = organisations.find((entry) => entry.id === slug);
  if (!organisation) return null;
  // The data file holds the served URL (/logos/alwel.<hash>.svg); the record names the file.
  const logo = organisation.logo.replace(/^\/logos\//, "").replace(/\.[0-9a-f]{10}\./, ".");
  return { name: organisation.name, alt: organisation.name, href: organisation.href ?? "", logo };
}

/** The fields a stored record holds; what cannot be read stays empty for the author to fill. */
function fieldsOfRecord(text: string): OrganisationFields {
  try {
    const record = parseOrganisationRecord("x", text, () => true);
    return { name: record.name, alt: record.alt, href: record.href ?? "", logo: record.logo };
  } catch {
    const value = (field: string) => new RegExp(`^${field}:\\s*(.*)$`, "m").exec(text)?.[1] ?? "";
    return { name: value("name"), alt: value("alt"), href: value("href"), logo: value("logo") };
  }
}

/** The record as stored: the YAML a developer would write (name, alt, logo, href). */
export function recordText(fields: OrganisationFields): string {
  return stringify({
    name: fields.name,
    alt: fields.alt,
    logo: fields.logo,
    ...(fields.href ? { href: fields.href } : {}),
  });
}

/** A slug from an organisation's name: "Woonstichting Één" → "woonstichting-een". */
export function slugFromName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** Addresses under /klantlogos/ that are pages of their own, never an organisation. */
const reservedSlugs = new Set(["nieuw", "afbeelding"]);

export interface FormAnswer {
  fields: OrganisationFields;
  baseRevision: number;
  problems: FormProblem[];
  /** The check's messages of a saved draft that cannot be published (field and line). */
  checkProblems: string[];
  /** The version that was saved although it has check messages (it cannot be published). */
  savedRevision?: number;
  /** Someone else saved in between: who, which version, and what that version holds. */
  conflict?: { revision: number; author: string | null; fields: OrganisationFields };
  /** An image was stored although the form was not: the author need not choose it again. */
  keptUpload?: boolean;
  /** The studio's address of the logo the form names, to show it. */
  logoSrc: string | null;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/**
 * The action of both logo pages (`slug` null: a new organisation). Order: the login, the
 * form token, then the fields; a failing save answers with the page again and the author's
 * text kept; a good one redirects (303) to the page with a short confirmation.
 */
export async function saveOrganisation(request: Request, author: string, slug: string | null) {
  const { form, tooLarge } = await readUpload(request, LOGO_MAX_BYTES);
  const refused = formRefusal(form);
  // formRefusal answers for a missing form too.
  if (refused || !form) return refused as NonNullable<typeof refused>;

  const intent = text(form, "intent");
  const baseRevision = Math.max(0, Number.parseInt(text(form, "baseRevision"), 10) || 0);
  const store = studioStore();

  if (intent === "offline" && slug) {
    try {
      await store.unpublish("organisation", slug, author);
    } catch (error) {
      if (!(error instanceof ContentStoreError && error.code === "not-found")) throw error;
    }
    throw redirect(`/klantlogos/${slug}?offline=1`, { status: 303, headers: privatePageHeaders });
  }

  const fields: OrganisationFields = {
    name: text(form, "name").slice(0, 500),
    alt: text(form, "alt").slice(0, 500),
    href: text(form, "href").slice(0, 2000),
    logo: text(form, "logo").slice(0, 200),
  };
  const problems: FormProblem[] = [];
  let keptUpload = false;

  // The image first: a good one is stored (by its hash, harmless if never used) so that a
  // mistake in a text field does not make the author choose the file again.
  const file = form.get("file");
  if (tooLarge) {
    problems.push({ fieldId: fieldIds.file, message: tooLargeMessage });
  } else if (file instanceof File && file.size > 0) {
    try {
      const logo = await prepareLogo(new Uint8Array(await file.arrayBuffer()));
      const stored = await getNewsletter().contentImages().save({
        data: logo.data,
        contentType: logo.contentType,
        width: logo.width,
        height: logo.height,
        author,
      });
      fields.logo = stored.name;
      keptUpload = true;
    } catch (error) {
      if (!(error instanceof LogoImageError)) throw error;
      problems.push({ fieldId: fieldIds.file, message: error.message });
    }
  } else if (!fields.logo) {
    problems.push({
      fieldId: fieldIds.file,
      message: "Kies het logo: een PNG-, JPEG- of WebP-bestand.",
    });
  } else if (!(await logoExists(fields.logo))) {
    problems.push({
      fieldId: fieldIds.file,
      message: "Het logo van dit formulier bestaat niet meer. Kies het bestand opnieuw.",
    });
  }

  if (!fields.name) {
    problems.push({ fieldId: fieldIds.name, message: "Vul de naam van de organisatie in." });
  } else if (fields.name.length > 120) {
    problems.push({ fieldId: fieldIds.name, message: "De naam mag hoogstens 120 tekens zijn." });
  }
  if (!fields.alt) {
    problems.push({
      fieldId: fieldIds.alt,
      message: "Vul de alt-tekst in: wat een schermlezer voorleest in plaats van het logo.",
    });
  } else if (fields.alt.length > 200) {
    problems.push({
      fieldId: fieldIds.alt,
      message: "De alt-tekst mag hoogstens 200 tekens zijn.",
    });
  }
  if (fields.href && !isHttpsAddress(fields.href)) {
    problems.push({
      fieldId: fieldIds.href,
      message:
        "De link moet een webadres zijn dat begint met https://, zoals https://www.alwel.nl/.",
    });
  }
  const target = slug ?? slugFromName(fields.name);
  if (!slug && fields.name && !target) {
    problems.push({
      fieldId: fieldIds.name,
      message: "Gebruik in de naam ook letters of cijfers.",
    });
  } else if (
    !slug &&
    target &&
    (reservedSlugs.has(target) || isTaken(target, await store.listDocuments("organisation")))
  ) {
    problems.push({
      fieldId: fieldIds.name,
      message: `Er is al een klantlogo met het adres /klantlogos/${target}. Bewerk dat, of kies een andere naam.`,
    });
  }
  if (problems.length > 0) {
    return answer(400, fields, baseRevision, problems, { keptUpload });
  }

  let revision: number;
  try {
    const latest = await store.version("organisation", target);
    const unchanged =
      latest && latest.revision === baseRevision && latest.text === recordText(fields);
    // Publishing what is already the latest version publishes it as it is: no copy.
    revision =
      unchanged && intent === "publiceren"
        ? latest.revision
        : (
            await store.saveDraft({
              kind: "organisation",
              slug: target,
              text: recordText(fields),
              author,
              baseRevision,
            })
          ).revision;
  } catch (error) {
    if (!(error instanceof ContentConflictError)) throw error;
    const newest = await store.version("organisation", target);
    return answer(409, fields, error.latestRevision, [], {
      keptUpload,
      conflict: {
        revision: error.latestRevision,
        author: error.latestAuthor,
        fields: newest ? fieldsOfRecord(newest.text) : fields,
      },
    });
  }
  const saved = await store.version("organisation", target, revision);
  if (saved && saved.problems.length > 0) {
    return answer(400, fields, revision, [], {
      checkProblems: saved.problems,
      savedRevision: revision,
      keptUpload,
    });
  }
  if (intent === "publiceren") {
    try {
      await store.publish("organisation", target, revision, author);
    } catch (error) {
      if (!(error instanceof ContentInvalidError)) throw error;
      return answer(400, fields, revision, [], {
        checkProblems: [...error.problems],
        savedRevision: revision,
        keptUpload,
      });
    }
    throw redirect(`/klantlogos/${target}?gepubliceerd=${revision}`, {
      status: 303,
      headers: privatePageHeaders,
    });
  }
  throw redirect(`/klantlogos/${target}?opgeslagen=${revision}`, {
    status: 303,
    headers: privatePageHeaders,
  });
}

const tooLargeMessage = `Het bestand is groter dan ${LOGO_MAX_BYTES / 1024 / 1024} MB; een logo mag hoogstens ${LOGO_MAX_BYTES / 1024 / 1024} MB zijn. Verklein het (480 × 192 pixels is genoeg) en kies het opnieuw.`;

function answer(
  status: number,
  fields: OrganisationFields,
  baseRevision: number,
  problems: FormProblem[],
  more: Partial<
    Pick<FormAnswer, "checkProblems" | "conflict" | "keptUpload" | "savedRevision">
  > = {},
) {
  const body: FormAnswer = {
    fields,
    baseRevision,
    problems,
    checkProblems: more.checkProblems ?? [],
    ...(more.conflict ? { conflict: more.conflict } : {}),
    ...(more.keptUpload ? { keptUpload: true } : {}),
    ...(more.savedRevision ? { savedRevision: more.savedRevision } : {}),
    logoSrc: fields.logo ? logoPreviewUrl(fields.logo) : null,
  };
  return data(body, { status, headers: privatePageHeaders });
}

function isHttpsAddress(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === "https:";
}

/** A slug the data file or the store already has. */
function isTaken(slug: string, stored: readonly ContentDocument[]): boolean {
  return (
    organisations.some((organisation) => organisation.id === slug) ||
    stored.some((document) => document.slug === slug)
  );
}

async function logoExists(logo: string): Promise<boolean> {
  if (isUploadedLogo(logo)) return (await getNewsletter().contentImages().find(logo)) !== null;
  return logoUrl(logo) !== null;
}
