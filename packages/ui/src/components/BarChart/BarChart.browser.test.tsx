import { afterEach, describe, expect, it } from "vitest";
import { cdp } from "vitest/browser";
import { toHex } from "../../test/colour";
import { cleanup, render } from "../../test/render";
import { contrastRatio } from "../../theme/contrast";
import type { ThemeName } from "../../theme/themes.css";
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
function renderChart(width: number, count: number, theme: ThemeName = "brand") {
  const container = render(
    <div style={{ width: `${width}px` }}>
      <BarChart title="Per dag" series={series} groups={days(count)} />
    </div>,
    theme,
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

/** What tells a series apart besides its colour: its fill pattern's shape, or "solid". */
function cueOf(shape: SVGElement): string {
  const fill = getComputedStyle(shape).fill;
  const reference = /^url\("?#([^")]+)"?\)$/.exec(fill);
  if (!reference) return "solid";
  const pattern = document.getElementById(reference[1] ?? "");
  if (!pattern) return "missing pattern";
  const shapes = Array.from(pattern.children).map((child) =>
    [
      child.tagName,
      ...Array.from(child.attributes)
        .filter((a) => a.name !== "class")
        .map((a) => `${a.name}=${a.value}`),
    ].join(" "),
  );
  return [`transform=${pattern.getAttribute("patternTransform")}`, ...shapes].join("; ");
}

/** The bars of each series, in the order of `series`. */
function barsBySeries(box: HTMLElement): SVGRectElement[][] {
  const groups = Array.from(box.querySelectorAll("svg[role=img] g"));
  return series.map((_, s) =>
    groups.map((group) => group.querySelectorAll("rect")[s]).filter((bar) => bar !== undefined),
  );
}

/** The colours a bar is drawn with: its outline, its solid fill or its pattern's ink. */
function inksOf(bar: SVGElement): string[] {
  const style = getComputedStyle(bar);
  const inks = [style.stroke, style.fill].filter((paint) => paint.startsWith("rgb"));
  const reference = /^url\("?#([^")]+)"?\)$/.exec(style.fill);
  const pattern = reference ? document.getElementById(reference[1] ?? "") : null;
  for (const child of Array.from(pattern?.children ?? [])) {
    inks.push(getComputedStyle(child).fill, getComputedStyle(child).stroke);
  }
  return inks.filter((paint) => paint.startsWith("rgb")).map(toHex);
}

describe("BarChart series are told apart without colour", () => {
  afterEach(cleanup);

  it("gives each series its own pattern", () => {
    const bars = barsBySeries(renderChart(1280, 7));
    const cues = bars.map((seriesBars) => new Set(seriesBars.map(cueOf)));
    for (const cue of cues) expect(cue.size).toBe(1);
    expect(new Set(cues.map((cue) => [...cue][0])).size).toBe(series.length);
  });

  it("shows each series' pattern in the legend, next to its name", () => {
    const box = renderChart(1280, 7);
    const bars = barsBySeries(box);
    const items = Array.from(box.querySelectorAll("li"));
    expect(items.map((item) => item.textContent)).toEqual(series);
    items.forEach((item, s) => {
      const swatch = item.querySelector("svg rect") as SVGElement | null;
      expect(swatch, `swatch of ${series[s]}`).not.toBeNull();
      expect(cueOf(swatch as SVGElement)).toBe(cueOf(bars[s]?.[0] as SVGElement));
      expect(inksOf(swatch as SVGElement)).toEqual(inksOf(bars[s]?.[0] as SVGElement));
    });
  });

  it("keeps a gap of page colour between neighbouring bars, so each bar's neighbour is the page", () => {
    const box = renderChart(1280, 7);
    const group = box.querySelector("svg[role=img] g") as SVGGElement;
    const rects = Array.from(group.querySelectorAll("rect")).map((bar) => {
      const scale = bar.getScreenCTM()?.a ?? 1;
      const half = (Number.parseFloat(getComputedStyle(bar).strokeWidth) || 0) * scale * 0.5;
      const r = bar.getBoundingClientRect();
      return { left: r.left - half, right: r.right + half };
    });
    for (let i = 1; i < rects.length; i++) {
      expect((rects[i]?.left ?? 0) - (rects[i - 1]?.right ?? 0)).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(["brand", "campaign", "dark"] as const)(
    "draws every series at 3:1 or more against the page in the %s theme (WCAG 1.4.11)",
    (theme) => {
      const box = renderChart(1280, 7, theme);
      const page = toHex(getComputedStyle(document.body).backgroundColor);
      const bars = barsBySeries(box);
      bars.forEach((seriesBars, s) => {
        const inks = inksOf(seriesBars[0] as SVGElement);
        expect(inks.length, `${series[s]} has a colour`).toBeGreaterThan(0);
        for (const ink of inks) {
          expect(contrastRatio(ink, page), `${series[s]} ${ink} on ${page}`).toBeGreaterThanOrEqual(
            3,
          );
        }
      });
    },
  );
});

async function emulateForcedColors(value: "active" | "none") {
  await cdp().send("Emulation.setEmulatedMedia", {
    features: [{ name: "forced-colors", value }],
  });
}

describe("BarChart in forced-colors mode (Windows high contrast)", () => {
  afterEach(async () => {
    cleanup();
    await emulateForcedColors("none");
  });

  it("draws every bar and legend swatch in the system's text colour, patterns intact", async () => {
    await emulateForcedColors("active");
    const box = renderChart(1280, 7);
    const probe = document.createElement("span");
    probe.style.color = "CanvasText";
    document.body.append(probe);
    const canvasText = toHex(getComputedStyle(probe).color);
    const bars = barsBySeries(box);
    const swatches = Array.from(box.querySelectorAll<SVGElement>("li svg rect"));
    expect(swatches).toHaveLength(series.length);
    for (const shape of [...bars.flat(), ...swatches]) {
      const inks = inksOf(shape);
      expect(inks.length).toBeGreaterThan(0);
      for (const ink of inks) expect(ink).toBe(canvasText);
    }
    expect(new Set(bars.map((seriesBars) => cueOf(seriesBars[0] as SVGElement))).size).toBe(
      series.length,
    );
  });
});
