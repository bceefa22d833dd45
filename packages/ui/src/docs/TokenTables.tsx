import { vars } from "../theme/contract.css";
import { contrastRatio } from "../theme/contrast";
import {
  borderWidth,
  breakpoints,
  colorPairs,
  focusRing,
  minimumContrast,
  motion,
  radii,
  size,
  space,
  themeColors,
  typography,
} from "../theme/tokens";

const cell = {
  padding: "0.4rem 0.75rem",
  borderBottom: "1px solid #d0d7d9",
  textAlign: "left",
} as const;

/** Colour tokens of every theme, read from the same data the themes are built from. */
export function ColorTable() {
  const names = Object.keys(themeColors.brand) as Array<keyof typeof themeColors.brand>;
  return (
    <table style={{ borderCollapse: "collapse", width: "100%" }}>
      <thead>
        <tr>
          <th style={cell}>Token</th>
          <th style={cell}>CSS variable</th>
          {Object.keys(themeColors).map((theme) => (
            <th key={theme} style={cell}>
              {theme}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <td style={cell}>
              <code>color.{name}</code>
            </td>
            <td style={cell}>
              <code>{vars.color[name]}</code>
            </td>
            {Object.entries(themeColors).map(([theme, colors]) => (
              <td key={theme} style={cell}>
                <span
                  aria-hidden="true"
                  style={{
                    display: "inline-block",
                    width: "1.25rem",
                    height: "1.25rem",
                    marginInlineEnd: "0.5rem",
                    verticalAlign: "middle",
                    background: colors[name],
                    border: "1px solid #888",
                    borderRadius: 4,
                  }}
                />
                <code>{colors[name]}</code>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every colour pair the components paint, with its measured contrast per theme. */
export function ContrastTable() {
  return (
    <table style={{ borderCollapse: "collapse", width: "100%" }}>
      <thead>
        <tr>
          <th style={cell}>Pair (used by)</th>
          <th style={cell}>Needs</th>
          {Object.keys(themeColors).map((theme) => (
            <th key={theme} style={cell}>
              {theme}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {colorPairs.map((pair) => (
          <tr key={`${pair.foreground}-${pair.background}-${pair.usedBy}`}>
            <td style={cell}>
              <code>{pair.foreground}</code> on <code>{pair.background}</code> ({pair.usedBy})
            </td>
            <td style={cell}>{minimumContrast[pair.kind]}:1</td>
            {Object.entries(themeColors).map(([theme, colors]) => (
              <td key={theme} style={cell}>
                {contrastRatio(colors[pair.foreground], colors[pair.background]).toFixed(2)}:1
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ValueTable({
  prefix,
  values,
}: {
  prefix: string;
  values: Record<string, string | number>;
}) {
  return (
    <table style={{ borderCollapse: "collapse", width: "100%" }}>
      <tbody>
        {Object.entries(values).map(([name, value]) => (
          <tr key={name}>
            <td style={cell}>
              <code>
                {prefix}.{name}
              </code>
            </td>
            <td style={cell}>
              <code>{String(value)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SpaceTable() {
  return (
    <table style={{ borderCollapse: "collapse", width: "100%" }}>
      <tbody>
        {Object.entries(space).map(([name, value]) => (
          <tr key={name}>
            <td style={cell}>
              <code>space.{name}</code>
            </td>
            <td style={cell}>
              <code>{value}</code>
            </td>
            <td style={cell}>
              <span
                aria-hidden="true"
                style={{ display: "block", height: "0.75rem", width: value, background: "#0a6660" }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TypeTable() {
  return <ValueTable prefix="fontSize" values={typography.size} />;
}
export function LineHeightTable() {
  return (
    <ValueTable
      prefix="lineHeight"
      values={{ ...typography.lineHeight, measure: typography.measure }}
    />
  );
}
export function RadiusTable() {
  return <ValueTable prefix="radius" values={radii} />;
}
export function MotionTable() {
  return <ValueTable prefix="motion" values={motion} />;
}
export function BreakpointTable() {
  return (
    <ValueTable
      prefix="breakpoint"
      values={Object.fromEntries(Object.entries(breakpoints).map(([k, v]) => [k, `${v}em`]))}
    />
  );
}
export function BorderWidthTable() {
  return <ValueTable prefix="borderWidth" values={borderWidth} />;
}
export function FocusRingTable() {
  return <ValueTable prefix="focusRing" values={focusRing} />;
}
export function SizeTable() {
  return <ValueTable prefix="size" values={size} />;
}
