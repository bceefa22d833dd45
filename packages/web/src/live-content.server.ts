import { logoUrl, type Organisation, organisations } from "@vaart/content";
import { ArticleFileError, parseArticleFile } from "@vaart/content/article-file";
import { CampaignFileError, parseCampaignFile } from "@vaart/content/campaign-file";
import {
  isUploadedLogo,
  OrganisationRecordError,
  parseOrganisationRecord,
} from "@vaart/content/organisation-record";
import type {
  ContentCheckers,
  ContentKind,
  PublishedContent,
} from "@vaart/newsletter/content-store";
import { updateProblems } from "@vaart/newsletter/updates";
import { getNewsletter } from "./newsletter.server.js";
import { keepUploadedLogos, uploadedLogoUrl } from "./uploaded-logos.server.js";

/** The messages a file with this text would get, one per problem. */
function messagesOf(error: Error): string[] {
  const listed = error.message.split("\n  - ");
  return listed.length > 1 ? listed.slice(1).map((line) => line.trim()) : [error.message];
}

function problems(run: () => unknown, isFileError: (error: unknown) => boolean): string[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!isFileError(error)) throw error;
    return messagesOf(error as Error);
  }
}

/**
 * A logo a record may name: a file in packages/content/logos, or the name of an uploaded one
 * (the studio stores the image before the record that names it; `pnpm campaign check` looks
 * the name up in the database).
 */
const logoKnown = (logo: string) => logoUrl(logo) !== null || isUploadedLogo(logo);

/** The kinds' parsers, as the studio saves and publishes with them (Markdown untrusted). */
export function contentCheckers(): ContentCheckers {
  const organisationIds = organisations.map((organisation) => organisation.id);
  return {
    campaign: (slug, text) =>
      problems(
        () =>
          parseCampaignFile(`campaigns/${slug}.yaml`, text, organisationIds, {
            markdown: "untrusted",
          }),
        (error) => error instanceof CampaignFileError,
      ),
    article: (slug, text) =>
      problems(
        () => parseArticleFile(`${slug}.md`, text, "untrusted"),
        (error) => error instanceof ArticleFileError,
      ),
    update: updateProblems,
    organisation: (slug, text) =>
      problems(
        () => parseOrganisationRecord(slug, text, logoKnown),
        (error) => error instanceof OrganisationRecordError,
      ),
  };
}

/**
 * How often each instance asks the database whether published content changed. The promise
 * is "on every instance within 3 s": at most one interval plus the reread, and on a loaded
 * machine a 2 s interval once left too little room for a late timer and a slow reread
 * (decision 16).
 */
export const CONTENT_POLL_MS = 1_000;

export interface LiveContent<T> {
  /** The copy built from the files and the latest published versions. */
  current(): T;
  /** Resolves once the database has been read at least once (or could not be). */
  ready(): Promise<void>;
}

interface Entry {
  kind: ContentKind;
  build(published: PublishedContent): unknown;
  apply(value: unknown): void;
}

const entries: Entry[] = [];
const reloadListeners = new Set<() => void>();
let seenVersion: number | null = null;
let timer: NodeJS.Timeout | undefined;
let running: Promise<void> | null = null;
let firstRead: Promise<void> | null = null;

/** Resolves when the read in progress (the first one, at start) is done. */
export function contentReady(): Promise<void> {
  return running ?? Promise.resolve();
}

/** Called after every reload of published content (the server clears its page cache). */
export function onContentReload(listener: () => void): () => void {
  reloadListeners.add(listener);
  return () => reloadListeners.delete(listener);
}

async function readAll(): Promise<void> {
  const store = getNewsletter().contentStore();
  const version = await store.contentVersion();
  if (version === seenVersion) return;
  // Every kind is read and built before any copy changes, so a page never mixes two versions.
  const snapshots = await Promise.all(entries.map((entry) => store.publishedContent(entry.kind)));
  const values = await Promise.all(
    entries.map((entry, index) => entry.build(snapshots[index] as PublishedContent)),
  );
  entries.forEach((entry, index) => {
    entry.apply(values[index]);
  });
  seenVersion = version;
  for (const listener of reloadListeners) listener();
}

/** One read at a time; a failure (database away) keeps the copy there is and is logged. */
function check(): Promise<void> {
  running ??= readAll()
    .catch((error: unknown) => {
      console.error(`[content] published content not reloaded: ${String(error)}`);
    })
    .finally(() => {
      running = null;
    });
  return running;
}

/**
 * A copy of one kind of content: built from the files, then rebuilt with the published
 * versions whenever the content version changes (checked every CONTENT_POLL_MS). `build`
 * gets the published versions and returns the copy (or a promise of it, when it must read
 * more, e.g. uploaded images); it must not throw for one bad version.
 */
export function liveContent<T>(
  kind: ContentKind,
  initial: T,
  build: (published: PublishedContent) => T | Promise<T>,
): LiveContent<T> {
  let value = initial;
  entries.push({
    kind,
    build,
    apply(built) {
      value = built as T;
    },
  });
  // A new kind needs its first read even if the version is unchanged.
  seenVersion = null;
  if (!timer) {
    timer = setInterval(() => void check(), CONTENT_POLL_MS);
    timer.unref();
  }
  firstRead = check();
  const thisRead = firstRead;
  return {
    current: () => value,
    ready: () => thisRead,
  };
}

let organisationsCopy: LiveContent<readonly Organisation[]> | undefined;

/**
 * The client organisations both carousels show: the data file's, with the studio's published
 * records winning for their id and those taken offline left out. Uploaded logos are read from
 * the database into memory with the records, so serving one never waits for it. One copy per
 * process.
 */
export function liveOrganisations(): LiveContent<readonly Organisation[]> {
  organisationsCopy ??= liveContent(
    "organisation",
    organisations,
    async ({ published, unpublished }) => {
      const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
      for (const id of unpublished) byId.delete(id);
      const records = published.flatMap(({ slug, text, revision }) => {
        try {
          return [parseOrganisationRecord(slug, text, logoKnown)];
        } catch (error) {
          if (!(error instanceof OrganisationRecordError)) throw error;
          console.error(
            `[content] published organisation ${slug} (revision ${revision}) not shown: ${error.message}`,
          );
          return [];
        }
      });
      await keepUploadedLogos(
        records.map((record) => record.logo).filter(isUploadedLogo),
        (names) => getNewsletter().contentImages().findMany(names),
      );
      for (const record of records) {
        const logo = isUploadedLogo(record.logo)
          ? uploadedLogoUrl(record.logo)
          : logoUrl(record.logo);
        if (logo === null) {
          console.error(
            `[content] published organisation ${record.id}: its logo ${record.logo} is not in the database; its name is shown instead`,
          );
        }
        byId.set(record.id, {
          id: record.id,
          name: record.name,
          alt: record.alt,
          logo: logo ?? "",
          ...(record.href ? { href: record.href } : {}),
          placeholder: false,
        });
      }
      return [...byId.values()];
    },
  );
  return organisationsCopy;
}
