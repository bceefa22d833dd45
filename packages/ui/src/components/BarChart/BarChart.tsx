import { useId } from "react";
import { DataTable } from "../DataTable";
import * as styles from "./BarChart.css";

export interface BarChartGroup {
  /** Short label under the bars, e.g. "12 mrt". */
  label: string;
  /** One value per series, in the order of `series`. */
  values: readonly number[];
}

export interface BarChartProps {
  /** What the chart shows; its accessible name. */
  title: string;
  /** Up to three series, e.g. ["Bezoeken", "Aanmeldingen", "Bevestigd"]. */
  series: readonly string[];
  groups: readonly BarChartGroup[];
  /** Label of the disclosure that shows the same figures as a table. */
  tableLabel?: string;
  /** Header of the table's first column. */
  groupHeader?: string;
  /**
   * Name of the region the chart scrolls in when it is wider than its box (keyboard users
   * focus it to scroll); unique on the page, unlike the title the table also carries.
   * Default: "Grafiek: " and the title.
   */
  regionLabel?: string;
}

// Geometry in chart units: the labels are `labelUnits` (14) high, drawn at the theme's small
// text size, so one unit is one CSS px at the default text size (see BarChart.css.ts).
const { labelUnits } = styles;
const barWidth = 14;
/** Page colour between two bars of a day: each bar's neighbour is the page, never another bar. */
const barGap = 4;
const dayGap = 16;
/** Outline of every bar, drawn inside the bar's width. */
const outline = 2;
/** A value above zero never shrinks to nothing. */
const minBarHeight = 3;
const plotHeight = 180;
const top = 12;
const bottom = 30;
const height = top + plotHeight + bottom;
const baseline = top + plotHeight;
const edge = 8;
/** Widest character of the labels' sans-serif face, as a share of its size (digits ≈ 0.6). */
const charWidth = 0.62 * labelUnits;
const labelGap = 8;

/** The pattern inside the bars of each series after the first, which is solid. */
function Pattern({ id, index }: { id: string; index: 1 | 2 }) {
  return index === 1 ? (
    // Diagonal stripes, half ink, half page.
    <pattern
      id={id}
      patternUnits="userSpaceOnUse"
      width={6}
      height={6}
      patternTransform="rotate(45)"
    >
      <rect className={styles.patternInk[1]} width={3} height={6} />
    </pattern>
  ) : (
    // Dots: the lightest texture, for the last (smallest) series.
    <pattern id={id} patternUnits="userSpaceOnUse" width={5} height={5}>
      <circle className={styles.patternInk[2]} cx={2.5} cy={2.5} r={1.5} />
    </pattern>
  );
}

function seriesIndex(s: number) {
  return s as 0 | 1 | 2;
}

/**
 * The SVG's size in `em` of the theme's small text size (the class sets it), so the chart
 * grows with the reader's text size. Attributes, not an inline style: the apps' Content
 * Security Policy allows no inline styles, and the chart would collapse to nothing.
 */
function sizeOf(unitsWide: number, unitsHigh: number) {
  const em = (units: number) => `${Number((units / labelUnits).toFixed(4))}em`;
  return { width: em(unitsWide), height: em(unitsHigh) };
}

/**
 * A grouped bar chart drawn as SVG on the server: no JavaScript, colours from the theme, a
 * pattern per series, a legend, and the same figures in a table behind a native disclosure for
 * screen readers and anyone who wants the numbers. Every day keeps the same width and every
 * label the theme's small text size: a chart wider than its box scrolls sideways inside a
 * focusable region, opening on the newest days.
 */
export function BarChart({
  title,
  series,
  groups,
  tableLabel = "Toon de cijfers als tabel",
  groupHeader = "Dag",
  regionLabel = `Grafiek: ${title}`,
}: BarChartProps) {
  const titleId = useId();
  // useId's colons are valid in an id but not in every url(#…) reference.
  const patternId = (s: number) => `${titleId.replace(/:/g, "")}-series-${s}`;
  const paint = (s: number) => (s === 0 ? undefined : `url(#${patternId(s)})`);
  const shown = series.slice(0, 3);
  const max = Math.max(1, ...groups.flatMap((group) => group.values.slice(0, shown.length)));

  const barsWidth = shown.length * barWidth + Math.max(0, shown.length - 1) * barGap;
  const dayWidth = barsWidth + dayGap;
  const width = Math.max(1, groups.length) * dayWidth + 2 * edge;
  // Label every day while the labels fit; otherwise every second, third… day.
  const longestLabel = Math.max(0, ...groups.map((group) => group.label.length));
  const labelEvery = Math.max(1, Math.ceil((longestLabel * charWidth + labelGap) / dayWidth));
  const axisWidth = Math.ceil(String(max).length * charWidth) + labelGap;

  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption} id={titleId}>
        {title}
      </figcaption>
      <div className={styles.frame}>
        <svg
          className={styles.valueAxis}
          {...sizeOf(axisWidth, height)}
          viewBox={`0 0 ${axisWidth} ${height}`}
          aria-hidden="true"
          focusable="false"
        >
          <text
            className={styles.tick}
            x={axisWidth - labelGap / 2}
            y={top + labelUnits * 0.35}
            textAnchor="end"
            fontSize={labelUnits}
          >
            {max}
          </text>
          <text
            className={styles.tick}
            x={axisWidth - labelGap / 2}
            y={baseline}
            textAnchor="end"
            fontSize={labelUnits}
          >
            0
          </text>
        </svg>
        {/* A region that can take focus, so keyboard users can scroll a chart wider than its box. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1) */}
        <section className={styles.scroller} aria-label={regionLabel} tabIndex={0}>
          <svg
            className={styles.plot}
            {...sizeOf(width, height)}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={titleId}
          >
            <title>{title}</title>
            <defs>
              {shown.map((name, s) =>
                s === 0 ? null : <Pattern key={name} id={patternId(s)} index={s as 1 | 2} />,
              )}
            </defs>
            <line className={styles.axis} x1={0} x2={width} y1={baseline} y2={baseline} />
            {groups.map((group, g) => {
              const x0 = edge + g * dayWidth + dayGap / 2;
              return (
                <g key={group.label}>
                  {shown.map((name, s) => {
                    const value = group.values[s] ?? 0;
                    const barHeight =
                      value > 0 ? Math.max(minBarHeight, (value / max) * plotHeight) : 0;
                    return (
                      <rect
                        key={name}
                        className={styles.series[seriesIndex(s)]}
                        fill={paint(s)}
                        strokeWidth={outline}
                        x={x0 + s * (barWidth + barGap) + outline / 2}
                        y={baseline - barHeight + outline / 2}
                        width={barWidth - outline}
                        height={Math.max(0, barHeight - outline)}
                      >
                        <title>{`${group.label}: ${value} ${name.toLowerCase()}`}</title>
                      </rect>
                    );
                  })}
                  {(groups.length - 1 - g) % labelEvery === 0 ? (
                    <text
                      className={styles.tick}
                      x={x0 + barsWidth / 2}
                      y={height - 10}
                      textAnchor="middle"
                      fontSize={labelUnits}
                    >
                      {group.label}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
        </section>
      </div>
      <ul className={styles.legend}>
        {shown.map((name, s) => (
          <li key={name} className={styles.legendItem}>
            <svg className={styles.swatch} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect
                className={styles.series[seriesIndex(s)]}
                fill={paint(s)}
                strokeWidth={outline}
                x={1 + outline / 2}
                y={1 + outline / 2}
                width={14 - outline}
                height={14 - outline}
              />
            </svg>
            {name}
          </li>
        ))}
      </ul>
      <details>
        <summary className={styles.tableToggle}>{tableLabel}</summary>
        <DataTable
          caption={title}
          columns={[
            { header: groupHeader },
            ...shown.map((name) => ({ header: name, numeric: true })),
          ]}
          rows={groups.map((group) => ({
            key: group.label,
            header: group.label,
            cells: shown.map((_, s) => group.values[s] ?? 0),
          }))}
        />
      </details>
    </figure>
  );
}
