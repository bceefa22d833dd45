import { articleFields } from "./article-fields";
import { markdownEditor } from "./markdown-editor.server";

/** The article editor: /artikelen/nieuw and /artikelen/<slug>. */
export const articleEditor = markdownEditor({
  kind: "article",
  fields: articleFields,
  newValues: (today) => ({
    ...Object.fromEntries(articleFields.map((field) => [field.name, ""])),
    date: today,
    body: "",
  }),
  publicPath: (slug) => `/artikelen/${slug}`,
});
