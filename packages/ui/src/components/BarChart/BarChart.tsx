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
}

const height = 200;
const top = 12;
const bottom = 28;
const left = 36;

/**
 * A grouped bar chart drawn as SVG on the server: no JavaScript, colours from the theme, a
 * legend, and the same figures in a table behind a native disclosure for screen readers and
 * anyone who wants the numbers.
 */
export function BarChart({
  title,
  series,
  groups,
  tableLabel = "Toon de cijfers als tabel",
  groupHeader = "Dag",
}: BarChartProps) {
  const titleId = useId();
  const shown = series.slice(0, 3);
  const max = Math.max(1, ...groups.flatMap((group) => group.values.slice(0, shown.length)));
  const groupWidth = Math.max(24, shown.length * 10 + 8);
  // At least 600 units wide: a chart of a few days keeps readable proportions when it scales.
  const width = Math.max(600, left + Math.max(1, groups.length) * groupWidth + 8);
  const plot = height - top - bottom;
  const labelEvery = Math.max(1, Math.ceil(groups.length / 10));
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption} id={titleId}>
        {title}
      </figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title>{title}</title>
        <line className={styles.axis} x1={left} x2={width} y1={top + plot} y2={top + plot} />
        <text className={styles.tick} x={left - 6} y={top + 4} textAnchor="end" fontSize="10">
          {max}
        </text>
        <text className={styles.tick} x={left - 6} y={top + plot} textAnchor="end" fontSize="10">
          0
        </text>
        {groups.map((group, g) => {
          const x0 = left + g * groupWidth + 4;
          return (
            <g key={group.label}>
              {shown.map((name, s) => {
                const value = group.values[s] ?? 0;
                const barHeight = (value / max) * plot;
                return (
                  <rect
                    key={name}
                    className={styles.series[s as 0 | 1 | 2]}
                    x={x0 + s * 10}
                    y={top + plot - barHeight}
                    width={8}
                    height={barHeight}
                  >
                    <title>{`${group.label}: ${value} ${name.toLowerCase()}`}</title>
                  </rect>
                );
              })}
              {g % labelEvery === 0 ? (
                <text
                  className={styles.tick}
                  x={x0 + (shown.length * 10) / 2}
                  y={height - 10}
                  textAnchor="middle"
                  fontSize="10"
                >
                  {group.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend}>
        {shown.map((name, s) => (
          <li key={name} className={styles.legendItem}>
            <span
              aria-hidden="true"
              className={`${styles.swatch} ${styles.swatchColor[s as 0 | 1 | 2]}`}
            />
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
