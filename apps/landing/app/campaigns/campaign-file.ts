// The campaign file's schema lives in @vaart/content so that the studio checks a campaign
// written in the browser with the same rules and messages as a file.
export * from "@vaart/content/campaign-file";
