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
}

/** Figures in a table: a caption, column headers, a header cell per row, numbers aligned. */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  const captionId = useId();
  return (
    // A region that can take focus, so keyboard users can scroll a table wider than the screen.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className={styles.scroller} aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption} id={captionId}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={column.numeric ? styles.numeric : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} {...row.attributes}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, index) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  key={index}
                  className={columns[index + 1]?.numeric ? styles.numeric : undefined}
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
