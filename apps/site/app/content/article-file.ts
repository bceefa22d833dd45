// The article file's schema lives in @vaart/content so that the studio checks an article
// written in the browser with the same rules and messages as a file.
export * from "@vaart/content/article-file";
