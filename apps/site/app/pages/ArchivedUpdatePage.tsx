import { newsletterPaths } from "@vaart/content/site";
import { ArticleLayout, RichText } from "@vaart/ui";
import type { SignupFormData, SignupOutcome } from "@vaart/web/signup-form";
import { SignupSection } from "../components/SignupSection";
import { mainId, SiteFooter, SiteHeader } from "../components/SiteFrame";
import { type ArchiveEntry, archivePath } from "./ArchivePage";

export interface ArchivedUpdate extends ArchiveEntry {
  /** The web version frozen when sending started, already made safe by the loader. */
  html: string;
}

/**
 * `/nieuwsbrief/archief/<slug>`: the web version of a sent Update (what was mailed, without
 * the personal greeting and unsubscribe link) in the article layout, a link back to the
 * archive, and the signup form, which posts to this page.
 */
export function ArchivedUpdatePage({
  update,
  form,
  outcome,
}: {
  update: ArchivedUpdate;
  form: SignupFormData;
  outcome?: SignupOutcome | undefined;
}) {
  const path = archivePath(update.slug);
  return (
    <ArticleLayout
      mainId={mainId}
      title={update.subject}
      lead={update.preheader ?? undefined}
      meta={{ published: update.date }}
      labels={{ published: "Verstuurd op" }}
      readMore={{ href: newsletterPaths.archive, label: "Alle Updates in het archief" }}
      header={<SiteHeader currentPath={path} />}
      footer={<SiteFooter />}
      asides={<SignupSection action={path} form={form} outcome={outcome} />}
    >
      {/* Our own rendering of the Update's Markdown, frozen when it was sent; the loader
          strips anything that could run (archive-html.server.ts). */}
      <RichText html={update.html} />
    </ArticleLayout>
  );
}
