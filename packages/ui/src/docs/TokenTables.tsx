import type { CSSProperties } from "react";
import { contrastRatio } from "../theme/contrast";
import {
  borderWidth,
  breakpoints,
  colorPairs,
  focusRing,
  fontFamilies,
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
          <th style={cell}>In code</th>
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
              {/* How a component refers to it; the CSS variable's own name is a build hash. */}
              <code>vars.color.{name}</code>
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

type FontSizeName = keyof typeof typography.size;

const headingSample: CSSProperties = {
  fontFamily: fontFamilies.heading,
  fontWeight: typography.weight.bold,
  lineHeight: typography.lineHeight.heading,
};

/** How each size is set where the components use it: headings in the sans stack, text in the serif. */
const sampleStyle: Record<FontSizeName, CSSProperties> = {
  small: { fontFamily: fontFamilies.body, lineHeight: typography.lineHeight.body },
  body: { fontFamily: fontFamilies.body, lineHeight: typography.lineHeight.body },
  lead: { fontFamily: fontFamilies.body, lineHeight: typography.lineHeight.lead },
  h4: headingSample,
  h3: headingSample,
  h2: headingSample,
  h1: {
    ...headingSample,
    lineHeight: typography.lineHeight.tight,
    letterSpacing: typography.letterSpacing.tight,
  },
};

/** "clamp(1.6rem, …, 2.9rem)" → "25.6–46.4 px"; "0.875rem" → "14 px" (at the default 16 px root). */
function pixelRange(value: string): string {
  const px = (rem: string) => `${Number((Number.parseFloat(rem) * 16).toFixed(1))}`;
  const clamp = /^clamp\(\s*([\d.]+)rem\s*,.*,\s*([\d.]+)rem\s*\)$/.exec(value);
  if (clamp?.[1] && clamp[2]) return `${px(clamp[1])}–${px(clamp[2])} px`;
  return /^[\d.]+rem$/.test(value) ? `${px(value)} px` : "";
}

/**
 * Every size of the type scale with a line set in it, at this window's width: the sizes that
 * grow with the viewport (`clamp()`) grow here too, between the two pixel sizes shown.
 */
export function TypeTable() {
  return (
    <table style={{ borderCollapse: "collapse", width: "100%" }}>
      <thead>
        <tr>
          <th style={cell}>Token</th>
          <th style={cell}>Value</th>
          <th style={cell}>Sample</th>
        </tr>
      </thead>
      <tbody>
        {(Object.entries(typography.size) as Array<[FontSizeName, string]>).map(([name, value]) => (
          <tr key={name}>
            <td style={cell}>
              <code>fontSize.{name}</code>
            </td>
            <td style={cell}>
              <code>{value}</code>
              <br />
              <small>{pixelRange(value)}</small>
            </td>
            <td style={cell}>
              <span style={{ ...sampleStyle[name], display: "block", fontSize: value }}>
                Vaart in samenwerken
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
export function LineHeightTable() {
  return <ValueTable prefix="lineHeight" values={typography.lineHeight} />;
}
/** The reading measure: a token of its own (`vars.measure`), not a line height. */
export function MeasureTable() {
  return (
    <table style={{ borderCollapse: "collapse", width: "100%" }}>
      <tbody>
        <tr>
          <td style={cell}>
            <code>measure</code>
          </td>
          <td style={cell}>
            <code>{typography.measure}</code>
          </td>
          <td style={cell}>
            <p
              style={{
                margin: 0,
                maxWidth: typography.measure,
                fontFamily: fontFamilies.body,
                fontSize: typography.size.body,
                lineHeight: typography.lineHeight.body,
              }}
            >
              Als we naar ketensamenwerking tussen een woningcorporatie en onderhoudsbedrijven
              kijken vanuit een systemisch perspectief, krijgen we een bredere kijk op de dynamiek
              en interacties die plaatsvinden. Zo lang wordt een regel lopende tekst, hoe breed het
              venster ook is.
            </p>
          </td>
        </tr>
      </tbody>
    </table>
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
