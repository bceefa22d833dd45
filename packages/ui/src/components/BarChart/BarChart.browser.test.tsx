import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "../../test/render";
import { BarChart, type BarChartGroup } from "./BarChart";

const series = ["Bezoeken", "Aanmeldingen", "Bevestigd"];
const months = ["mrt", "apr", "mei"];

/** `count` days from 1 March, labelled as the landing app labels them ("12 mrt"). */
function days(count: number): BarChartGroup[] {
  return Array.from({ length: count }, (_, i) => ({
    label: `${(i % 31) + 1} ${months[Math.floor(i / 31)]}`,
    values: [20 + ((i * 7) % 45), 1 + (i % 6), i % 4],
  }));
}

/** The chart inside a box `width` CSS px wide, as on a phone (375) or a laptop (1280). */
function renderChart(width: number, count: number) {
  const container = render(
    <div style={{ width: `${width}px` }}>
      <BarChart title="Per dag" series={series} groups={days(count)} />
    </div>,
  );
  return container.firstElementChild as HTMLElement;
}

/** The size a text is drawn at on screen, in CSS px: its font size times the SVG's scale. */
function drawnFontSize(text: SVGTextElement): number {
  const scale = text.getScreenCTM()?.a ?? 1;
  return Number.parseFloat(getComputedStyle(text).fontSize) * scale;
}

/** The theme's small text size, as the legend under the chart draws it. */
function smallTextSize(box: HTMLElement): number {
  const legendItem = box.querySelector("li") as HTMLElement;
  return Number.parseFloat(getComputedStyle(legendItem).fontSize);
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe("BarChart text stays readable whatever the number of days", () => {
  afterEach(cleanup);

  it.each([
    [375, 7],
    [375, 60],
    [1280, 60],
    [1280, 120],
  ])(
    "at %i px wide with %i days, every label is drawn at the theme's small text size",
    (width, count) => {
      const box = renderChart(width, count);
      const texts = Array.from(box.querySelectorAll<SVGTextElement>("svg text"));
      expect(texts.length).toBeGreaterThan(2);
      const minimum = smallTextSize(box);
      expect(minimum).toBeGreaterThanOrEqual(14);
      for (const text of texts) {
        expect(drawnFontSize(text), `"${text.textContent}"`).toBeGreaterThanOrEqual(minimum - 0.01);
      }
    },
  );

  it("grows with the reader's text size (WCAG 1.4.4)", () => {
    document.documentElement.style.fontSize = "150%";
    try {
      const box = renderChart(375, 60);
      const minimum = smallTextSize(box);
      expect(minimum).toBeGreaterThanOrEqual(21);
      for (const text of Array.from(box.querySelectorAll<SVGTextElement>("svg text"))) {
        expect(drawnFontSize(text)).toBeGreaterThanOrEqual(minimum - 0.01);
      }
    } finally {
      document.documentElement.style.fontSize = "";
    }
  });

  it("never draws one day label over another", () => {
    const box = renderChart(375, 60);
    const labels = Array.from(box.querySelectorAll<SVGTextElement>("svg[role=img] text"));
    expect(labels.length).toBeGreaterThan(10);
    const boxes = labels.map((label) => label.getBoundingClientRect());
    for (let i = 1; i < boxes.length; i++) {
      expect(
        overlaps(boxes[i - 1] as DOMRect, boxes[i] as DOMRect),
        labels[i]?.textContent ?? "",
      ).toBe(false);
    }
  });

  it("scrolls inside a focusable, named region instead of widening the page", () => {
    const box = renderChart(375, 60);
    const chart = box.querySelector("svg[role=img]") as SVGSVGElement;
    const region = chart.closest("section") as HTMLElement | null;
    expect(region).not.toBeNull();
    expect(region?.tabIndex).toBe(0);
    // A <section> with a name is a region landmark; the table below has the title as its name.
    expect(region?.getAttribute("aria-label")).toBe("Grafiek: Per dag");
    expect(region?.scrollWidth).toBeGreaterThan(region?.clientWidth ?? 0);
    expect(box.querySelector("figure")?.getBoundingClientRect().right).toBeLessThanOrEqual(
      box.getBoundingClientRect().right + 0.5,
    );
  });

  it("opens on the latest days, which a running campaign is checked for", () => {
    const box = renderChart(375, 60);
    const chart = box.querySelector("svg[role=img]") as SVGSVGElement;
    const region = chart.closest("section") as HTMLElement;
    const labels = Array.from(chart.querySelectorAll("text"));
    const visible = region.getBoundingClientRect();
    const last = labels.at(-1)?.getBoundingClientRect() as DOMRect;
    expect(last.left).toBeGreaterThanOrEqual(visible.left);
    expect(last.right).toBeLessThanOrEqual(visible.right);
  });
});
