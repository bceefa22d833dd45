import {
  type BlockType,
  blockSchemas,
  blockTypes,
  campaignSchema,
} from "@vaart/content/campaign-file";
import { type Document, isMap, isSeq, type Node, parseDocument, type YAMLSeq } from "yaml";

// The campaign form is generated from the zod schemas the campaign files are checked with:
// every field a schema knows gets an input of its kind, so a new block type or field shows
// up in the studio without a form written for it. The form edits the YAML text itself
// (parse → change → stringify), so comments and the order of fields stay as the author left
// them, and the raw editor and the form are two views of one text.

export type FieldInput =
  | "text"
  | "textarea"
  | "select"
  | "checkbox"
  | "number"
  | "date"
  | "time"
  | "datetime"
  | "lines";

export interface FieldSpec {
  kind: "field";
  /** The form field's name and id: the YAML path joined by dots (`blocks.0.heading`). */
  name: string;
  key: string;
  label: string;
  input: FieldInput;
  required: boolean;
  options?: readonly string[];
  maxLength?: number;
  value: string | boolean;
}

export interface GroupSpec {
  kind: "group";
  name: string;
  key: string;
  label: string;
  required: boolean;
  fields: FormNode[];
}

/** A list of groups (a FAQ's questions): its items, and one empty item to add another. */
export interface ListSpec {
  kind: "list";
  name: string;
  key: string;
  label: string;
  items: GroupSpec[];
}

export type FormNode = FieldSpec | GroupSpec | ListSpec;

export interface BlockSpec {
  index: number;
  type: string;
  /** Null for a block the form cannot show (unknown type, not a map): the raw editor can. */
  fields: FormNode[] | null;
}

export interface CampaignFormSpec {
  fields: FormNode[];
  blocks: BlockSpec[];
  blockTypes: readonly string[];
}

/** Dutch labels for the schemas' field names (the name itself is shown too: it is the YAML). */
const labels: Record<string, string> = {
  title: "Titel",
  description: "Beschrijving",
  theme: "Thema",
  status: "Status",
  start: "Start",
  end: "Einde",
  shareImage: "Deelafbeelding",
  afterEnd: "Na afloop",
  heading: "Kop",
  subheading: "Onderkop",
  image: "Afbeelding",
  action: "Knop",
  label: "Tekst",
  href: "Link",
  src: "Adres",
  alt: "Beschrijving van de afbeelding",
  width: "Breedte",
  height: "Hoogte",
  markdown: "Tekst (Markdown)",
  organisations: "Organisaties (één id per regel)",
  intro: "Inleiding",
  button: "Knoptekst",
  thanks: "Bedankpagina",
  text: "Tekst",
  name: "Naam",
  role: "Functie",
  date: "Datum",
  location: "Plaats",
  address: "Adres",
  details: "Details",
  questions: "Vragen",
  question: "Vraag",
  answer: "Antwoord",
  slug: "Slug van het artikel",
};

// The parts of zod's schema objects the walk reads (zod 4: `def.type` names the kind).
interface SchemaLike {
  def: { type: string; element?: SchemaLike; in?: SchemaLike };
  shape?: Record<string, SchemaLike>;
  options?: readonly string[];
  maxLength?: number | null;
  unwrap?: () => SchemaLike;
  meta?: () => { input?: FieldInput } | undefined;
}

/** Long texts get a textarea: above this many characters a single line is too short. */
const TEXTAREA_FROM = 300;

function inputOf(schema: SchemaLike): FieldInput | null {
  const hinted = schema.meta?.()?.input;
  if (hinted) return hinted;
  switch (schema.def.type) {
    case "string":
      return (schema.maxLength ?? 0) > TEXTAREA_FROM ? "textarea" : "text";
    case "pipe":
      return schema.def.in ? inputOf(schema.def.in) : "text";
    case "enum":
      return "select";
    case "boolean":
      return "checkbox";
    case "number":
      return "number";
    default:
      return null;
  }
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function valueText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : String(value);
}

/** The form nodes for one object schema, filled with `data` (the YAML's values). */
export function describeShape(
  shape: Record<string, SchemaLike>,
  data: unknown,
  prefix: string,
): FormNode[] {
  const values = record(data);
  const nodes: FormNode[] = [];
  for (const [key, declared] of Object.entries(shape)) {
    const optional = declared.def.type === "optional" && declared.unwrap;
    const schema = optional && declared.unwrap ? declared.unwrap() : declared;
    const name = prefix ? `${prefix}.${key}` : key;
    const label = labels[key] ? `${labels[key]} (${key})` : key;
    const value = values[key];
    const type = schema.def.type;
    if (type === "literal") continue; // a block's `type`: shown as its title, never edited
    if (type === "object" && schema.shape) {
      nodes.push({
        kind: "group",
        name,
        key,
        label,
        required: !optional,
        fields: describeShape(schema.shape, value, name),
      });
      continue;
    }
    if (type === "array") {
      const element = schema.def.element;
      if (element?.def.type === "string") {
        const lines = Array.isArray(value) ? value.map(valueText).join("\n") : valueText(value);
        nodes.push({
          kind: "field",
          name,
          key,
          label,
          input: "lines",
          required: !optional,
          value: lines,
        });
      } else if (element?.def.type === "object" && element.shape) {
        const items = Array.isArray(value) ? value : [];
        const shape = element.shape;
        nodes.push({
          kind: "list",
          name,
          key,
          label,
          // The existing items, then an empty one: filling it in adds an item.
          items: [...items, undefined].map((item, index) => ({
            kind: "group",
            name: `${name}.${index}`,
            key: String(index),
            label: `${labels[key] ?? key} ${index + 1}${index === items.length ? " (nieuw)" : ""}`,
            required: false,
            fields: describeShape(shape, item, `${name}.${index}`),
          })),
        });
      }
      // Arrays of anything else (the campaign's blocks) are not fields: see describeCampaign.
      continue;
    }
    const input = inputOf(schema);
    if (!input) continue;
    nodes.push({
      kind: "field",
      name,
      key,
      label,
      input,
      required: !optional,
      ...(schema.options ? { options: schema.options } : {}),
      ...(schema.maxLength ? { maxLength: schema.maxLength } : {}),
      value: input === "checkbox" ? value === true : valueText(value),
    });
  }
  return nodes;
}

const isBlockType = (type: unknown): type is BlockType =>
  typeof type === "string" && (blockTypes as string[]).includes(type);

const shapeOf = (schema: unknown) => (schema as SchemaLike).shape ?? {};

/** The whole form for a campaign's data (the parsed YAML): its fields, then each block's. */
export function describeCampaign(data: unknown): CampaignFormSpec {
  const blocks = record(data).blocks;
  return {
    fields: describeShape(shapeOf(campaignSchema), data, ""),
    blocks: (Array.isArray(blocks) ? blocks : []).map((block, index) => {
      const type = record(block).type;
      return {
        index,
        type: typeof type === "string" ? type : "?",
        fields: isBlockType(type)
          ? describeShape(shapeOf(blockSchemas[type]), block, `blocks.${index}`)
          : null,
      };
    }),
    blockTypes,
  };
}

/** The YAML path of a form name: `blocks.0.action.label` → ["blocks", 0, "action", "label"]. */
function pathOf(name: string): (string | number)[] {
  return name.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function isEmpty(node: unknown): boolean {
  return isMap(node) ? node.items.length === 0 : isSeq(node) ? node.items.length === 0 : false;
}

/** Whether every field under `nodes` was left empty (an optional group the author cleared). */
function allBlank(nodes: readonly FormNode[], form: FormData): boolean {
  return nodes.every((node) => {
    if (node.kind === "group") return allBlank(node.fields, form);
    if (node.kind === "list") return node.items.every((item) => allBlank(item.fields, form));
    const raw = form.get(node.name);
    return node.input === "checkbox" ? raw === null : typeof raw !== "string" || !raw.trim();
  });
}

/** Write the submitted values of `nodes` into the document; empty optional fields are removed. */
function applyNodes(doc: Document, nodes: readonly FormNode[], form: FormData): void {
  for (const node of nodes) {
    const path = pathOf(node.name);
    if (node.kind === "group") {
      if (!node.required && allBlank(node.fields, form)) {
        if (doc.hasIn(path)) doc.deleteIn(path);
        continue;
      }
      applyNodes(doc, node.fields, form);
      if (!node.required && isEmpty(doc.getIn(path, true))) doc.deleteIn(path);
      continue;
    }
    if (node.kind === "list") {
      // Items left empty (the extra one, or one the author cleared) are dropped.
      const kept = node.items.filter((item) => !allBlank(item.fields, form));
      const dropped = node.items.filter((item) => allBlank(item.fields, form));
      for (const item of kept) applyNodes(doc, item.fields, form);
      const seq = doc.getIn(path, true);
      if (isSeq(seq)) {
        const gone = new Set(dropped.map((item) => Number(item.key)));
        seq.items = seq.items.filter((_, index) => !gone.has(index));
      }
      continue;
    }
    const raw = form.get(node.name);
    if (node.input === "checkbox") {
      if (raw !== null) doc.setIn(path, true);
      else if (node.required) doc.setIn(path, false);
      else if (doc.hasIn(path)) doc.deleteIn(path);
      continue;
    }
    if (typeof raw !== "string") continue; // not in this form: left as it is
    const text = raw.replace(/\r\n?/g, "\n");
    const blank = text.trim() === "";
    if (blank && !node.required) {
      if (doc.hasIn(path)) doc.deleteIn(path);
      continue;
    }
    let value: unknown = node.input === "textarea" ? text : text.trim();
    if (node.input === "lines") {
      value = text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
    } else if (node.input === "number" && /^\d+$/.test(text.trim())) {
      value = Number(text.trim());
    } else if (node.input === "textarea" && !text.endsWith("\n") && text.includes("\n")) {
      value = `${text}\n`;
    }
    // An unchanged value keeps its node (its quotes, its block style, its comment).
    const current = doc.getIn(path);
    if (JSON.stringify(current) === JSON.stringify(value)) continue;
    doc.setIn(path, value);
  }
}

/** A block of `type` with its required fields present and empty: the check names them. */
export function emptyBlock(type: BlockType): Record<string, unknown> {
  const block: Record<string, unknown> = { type };
  for (const [key, schema] of Object.entries(shapeOf(blockSchemas[type]))) {
    if (key === "type" || schema.def.type === "optional") continue;
    if (schema.def.type === "object") {
      block[key] = Object.fromEntries(Object.keys(schema.shape ?? {}).map((k) => [k, ""]));
    } else if (schema.def.type === "array") {
      const element = schema.def.element;
      block[key] = element?.shape
        ? [Object.fromEntries(Object.keys(element.shape).map((k) => [k, ""]))]
        : [];
    } else {
      block[key] = "";
    }
  }
  return block;
}

export type BlockAction =
  | { kind: "up" | "down" | "remove"; index: number }
  | { kind: "add"; type: BlockType };

/** The block button pressed (`omhoog:2`, `omlaag:2`, `verwijderen:2`, `toevoegen`), or null. */
export function blockActionOf(form: FormData): BlockAction | null | "invalid" {
  const pressed = form.get("blok");
  if (pressed === null) return null;
  if (pressed === "toevoegen") {
    const type = form.get("nieuw-blok");
    return isBlockType(type) ? { kind: "add", type } : "invalid";
  }
  const match =
    typeof pressed === "string" ? /^(omhoog|omlaag|verwijderen):(\d{1,4})$/.exec(pressed) : null;
  if (!match) return "invalid";
  const kind = ({ omhoog: "up", omlaag: "down", verwijderen: "remove" } as const)[
    match[1] as "omhoog" | "omlaag" | "verwijderen"
  ];
  return { kind, index: Number(match[2]) };
}

export class CampaignFormError extends Error {
  override name = "CampaignFormError";
}

/**
 * The campaign's new YAML after the form: the submitted values written into the text the
 * form was made from, then the block button's move, removal or addition.
 */
export function applyCampaignForm(
  source: string,
  form: FormData,
  action: BlockAction | null,
): string {
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new CampaignFormError(
      "De YAML van deze versie heeft een fout; verbeter die eerst in de YAML-editor.",
    );
  }
  const spec = describeCampaign(doc.toJS());
  applyNodes(doc, spec.fields, form);
  for (const block of spec.blocks) if (block.fields) applyNodes(doc, block.fields, form);
  if (action) {
    let seq = doc.get("blocks", true) as YAMLSeq<Node> | undefined;
    if (!isSeq(seq)) {
      doc.set("blocks", doc.createNode([]));
      seq = doc.get("blocks", true) as YAMLSeq<Node>;
    }
    const items = seq.items;
    const at = action.kind === "add" ? items.length : action.index;
    if (action.kind !== "add" && (at < 0 || at >= items.length)) {
      throw new CampaignFormError(`Er is geen blok ${at + 1}.`);
    }
    if (action.kind === "add") {
      const node = doc.createNode(emptyBlock(action.type)) as Node;
      // A blank line before each block, as in the template: easier to read in the YAML.
      node.spaceBefore = items.length > 0;
      items.push(node);
    } else if (action.kind === "remove") {
      items.splice(at, 1);
    } else {
      const other = action.kind === "up" ? at - 1 : at + 1;
      if (other >= 0 && other < items.length) {
        const [a, b] = [items[at] as Node, items[other] as Node];
        items[at] = b;
        items[other] = a;
      }
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * The field a check message is about (`block 2 (hero), field "action.label" … (line 9)` →
 * `blocks.1.action.label`), so the summary can link to it; null when it names no field.
 */
export function fieldOfMessage(message: string): string | null {
  const path = (field: string) =>
    field.replace(/\[(\d+)\]/g, (_, n: string) => `.${Number(n) - 1}`);
  const inBlock = /^block (\d+) \([a-z]+\), field "([^"]+)"/.exec(message);
  if (inBlock) return `blocks.${Number(inBlock[1]) - 1}.${path(inBlock[2] ?? "")}`;
  const top = /^field "([^"]+)"/.exec(message);
  return top ? path(top[1] ?? "") : null;
}
