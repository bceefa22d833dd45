// The loopback SMTP sink lives in @vaart/testing, where the apps' process tests use it too.
export * from "@vaart/testing/smtp-sink";
