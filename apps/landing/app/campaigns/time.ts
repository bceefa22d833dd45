export * from "@vaart/content/campaign-time";
