import { type ReactNode, useId } from "react";
import * as styles from "./DataTable.css";

export interface DataTableColumn {
  header: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface DataTableRow {
  key: string;
  /** The row's header cell (first column). */
  header: ReactNode;
  cells: readonly ReactNode[];
  /** Extra attributes for the row, e.g. `{ "data-campaign": slug }` for tests. */
  attributes?: Record<`data-${string}`, string>;
}

export interface DataTableProps {
  caption: string;
  /** The first column's header, then one per cell. */
  columns: readonly DataTableColumn[];
  rows: readonly DataTableRow[];
  /**
   * What the table does when its box is narrower than the table (a phone):
   * - `"scroll"` (default): it scrolls sideways inside its own focusable region;
   * - `"stack"`: below 40 em of box width (the tablet breakpoint) each row becomes a block, its header on top and
   *   every figure on a line of its own next to its column header, so nothing scrolls.
   */
  narrowLayout?: "scroll" | "stack";
}

/** Figures in a table: a caption, column headers, a header cell per row, numbers aligned. */
export function DataTable({ caption, columns, rows, narrowLayout = "scroll" }: DataTableProps) {
  const captionId = useId();
  const stack = narrowLayout === "stack";
  // Explicit roles: a browser may drop a table's semantics once its parts are display: block.
  const role = (name: string) => (stack ? { role: name } : {});
  const numeric = (column: DataTableColumn | undefined) =>
    column?.numeric ? styles.numeric : undefined;
  return (
    // A scrolling table's region can take focus, so keyboard users can scroll it (WCAG 2.1.1);
    // a stacked one never scrolls.
    <section
      className={stack ? styles.stackContainer : styles.scroller}
      aria-labelledby={captionId}
      tabIndex={stack ? undefined : 0}
    >
      <table
        className={stack ? `${styles.table} ${styles.stacked}` : styles.table}
        {...role("table")}
      >
        <caption className={styles.caption} id={captionId}>
          {caption}
        </caption>
        <thead {...role("rowgroup")}>
          <tr {...role("row")}>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={numeric(column)}
                {...role("columnheader")}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody {...role("rowgroup")}>
          {rows.map((row) => (
            <tr key={row.key} {...row.attributes} {...role("row")}>
              <th scope="row" {...role("rowheader")}>
                {row.header}
              </th>
              {row.cells.map((cell, index) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  key={index}
                  className={numeric(columns[index + 1])}
                  // Shown before the figure when the row is stacked (see DataTable.css.ts).
                  data-label={stack ? columns[index + 1]?.header : undefined}
                  {...role("cell")}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
