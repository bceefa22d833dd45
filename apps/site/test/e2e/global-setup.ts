import { seedSentUpdates } from "./sent-updates";

/**
 * Runs once the server is up (Playwright starts the webServer first, and its health check
 * has applied the migrations): the sent Updates are there before any spec reads a page,
 * so no page cache or sitemap is ever filled without them.
 */
export default function globalSetup(): void {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  seedSentUpdates(dataDir);
}
