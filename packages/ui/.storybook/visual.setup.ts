/**
 * Visual regression: after each story's test (play function and axe), the page is compared
 * with the story's committed screenshot in `visual-baselines/<story-id>.png`. A difference
 * fails the test; Vitest writes the reference, the actual picture and the diff to
 * `test-results/visual/` and prints their paths. `pnpm test:visual:update` refreshes the
 * baselines after an intended change (commit them with that change).
 */
import { afterEach, expect } from "vitest";
import { cdp, page } from "vitest/browser";

declare global {
  // Set by the preview's `beforeEach` (see preview.tsx): which story ran, and whether it is pictured.
  var __visualStory: { id: string; pictured: boolean } | undefined;
}

/** Lazy images below the fold would otherwise be missing from the picture. */
async function loadAllImages() {
  const images = Array.from(document.images);
  for (const image of images) image.loading = "eager";
  await Promise.all(
    images.map((image) =>
      image.complete
        ? Promise.resolve()
        : new Promise((resolve) => {
            image.addEventListener("load", resolve, { once: true });
            image.addEventListener("error", resolve, { once: true });
          }),
    ),
  );
}

/**
 * The pointer stays where the last story's play function left it, and would hover whatever
 * the next story draws there; park it in the top-left corner, outside every story's content.
 */
async function parkPointer() {
  await cdp().send("Input.dispatchMouseEvent", { type: "mouseMoved", x: 0, y: 0 });
}

/** Longest picture: a story taller than this is cut off (none is today). */
const MAX_HEIGHT = 4000;

/** Grow the frame to the story's full height: whatever lies outside the frame is never drawn. */
async function fitFrameToContent() {
  const height = Math.min(document.documentElement.scrollHeight, MAX_HEIGHT);
  if (height > window.innerHeight) await page.viewport(window.innerWidth, height);
}

/** Stories with `parameters.colorScheme` (see preview.tsx) run with this scheme emulated. */
globalThis.__emulateColorScheme = async (scheme) => {
  await cdp().send("Emulation.setEmulatedMedia", {
    features: [{ name: "prefers-color-scheme", value: scheme }],
  });
};

afterEach(async ({ task }) => {
  const story = globalThis.__visualStory;
  globalThis.__visualStory = undefined;
  if (!story?.pictured || task.result?.state === "fail") return;

  await document.fonts.ready;
  await loadAllImages();
  await fitFrameToContent();
  await parkPointer();
  await expect.element(page.elementLocator(document.body)).toMatchScreenshot(story.id, {
    // Two equal captures in a row count as stable; on a loaded machine that takes longer.
    timeout: 20_000,
  });
});
