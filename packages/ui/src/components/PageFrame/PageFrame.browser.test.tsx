import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "../../test/render";
import { PageFooter, PageFrame, PageHeader } from "./PageFrame";

const navigation = [
  { href: "/artikelen", label: "Artikelen" },
  { href: "/nieuwsbrief", label: "Nieuwsbrief" },
];

function frame(currentPath: string) {
  return render(
    <PageFrame
      mainId="inhoud"
      header={<PageHeader siteName="Vaart" navigation={navigation} currentPath={currentPath} />}
      footer={<PageFooter siteName="Vaart" tagline="teams" />}
    >
      <p>Kort.</p>
    </PageFrame>,
  );
}

function currentOf(container: HTMLElement): Record<string, string | null> {
  return Object.fromEntries(
    Array.from(container.querySelectorAll("nav a")).map((link) => [
      link.textContent,
      link.getAttribute("aria-current"),
    ]),
  );
}

describe("PageFrame", () => {
  afterEach(cleanup);

  it("marks the page shown and the section a page lies in", () => {
    expect(currentOf(frame("/"))).toEqual({ Vaart: "page", Artikelen: null, Nieuwsbrief: null });
    cleanup();
    expect(currentOf(frame("/artikelen"))).toEqual({
      Vaart: null,
      Artikelen: "page",
      Nieuwsbrief: null,
    });
    cleanup();
    // A sibling path that only starts with the same letters is not in the section.
    expect(currentOf(frame("/artikelen/een-artikel"))).toEqual({
      Vaart: null,
      Artikelen: "true",
      Nieuwsbrief: null,
    });
    cleanup();
    expect(currentOf(frame("/nieuwsbrieven"))).toEqual({
      Vaart: null,
      Artikelen: null,
      Nieuwsbrief: null,
    });
  });

  it("has the landmarks in order, and the main the skip link can focus", () => {
    const container = frame("/");
    const landmarks = Array.from(container.querySelectorAll("header, nav, main, footer")).map(
      (element) => element.tagName.toLowerCase(),
    );
    expect(landmarks).toEqual(["header", "nav", "main", "footer"]);
    const main = container.querySelector("main");
    expect(main?.id).toBe("inhoud");
    expect(main?.getAttribute("tabindex")).toBe("-1");
    expect(container.querySelector("nav")?.getAttribute("aria-label")).toBe("Hoofdmenu");
  });

  it("keeps the footer of a short page at the bottom of the window", () => {
    const container = frame("/");
    const footer = container.querySelector("footer") as HTMLElement;
    expect(Math.round(footer.getBoundingClientRect().bottom)).toBeGreaterThanOrEqual(
      window.innerHeight,
    );
  });

  it("draws a slim header without a menu, and the footer's two lines", () => {
    const container = render(
      <PageFrame
        header={<PageHeader siteName="Vaart" homeHref="https://example.nl/" />}
        footer={
          <PageFooter siteName="Vaart" tagline="teams">
            Geen cookies.
          </PageFooter>
        }
      >
        <p>Kort.</p>
      </PageFrame>,
    );
    expect(container.querySelector("nav")).toBeNull();
    expect(container.querySelector("header a")?.getAttribute("href")).toBe("https://example.nl/");
    expect(container.querySelector("main")?.id).toBe("main");
    const lines = Array.from(container.querySelectorAll("footer p")).map((p) => p.textContent);
    expect(lines).toEqual(["Vaart · teams", "Geen cookies."]);
  });
});
