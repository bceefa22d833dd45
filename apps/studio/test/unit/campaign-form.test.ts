import { readFileSync } from "node:fs";
import { organisations } from "@vaart/content";
import { campaignTemplate, parseCampaignFile } from "@vaart/content/campaign-file";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  applyCampaignForm,
  blockActionOf,
  CampaignFormError,
  type CampaignFormSpec,
  describeCampaign,
  type FieldSpec,
  type FormNode,
  fieldOfMessage,
} from "../../app/lib/campaign-form.server";

const workshop = readFileSync(
  new URL("../../../landing/campaigns/workshop-teamontwikkeling.yaml", import.meta.url),
  "utf8",
);
const template = campaignTemplate("webinar-maart", new Date("2027-03-01T10:00:00Z"));

/** Every field of the form, by name. */
function fieldsOf(spec: CampaignFormSpec): Map<string, FieldSpec> {
  const found = new Map<string, FieldSpec>();
  const walk = (nodes: readonly FormNode[]) => {
    for (const node of nodes) {
      if (node.kind === "field") found.set(node.name, node);
      else if (node.kind === "group") walk(node.fields);
      else for (const item of node.items) walk(item.fields);
    }
  };
  walk(spec.fields);
  for (const block of spec.blocks) walk(block.fields ?? []);
  return found;
}

/** The form as the browser would send it back unchanged, with `changes` applied. */
function submitted(spec: CampaignFormSpec, changes: Record<string, string | null> = {}) {
  const form = new FormData();
  for (const [name, field] of fieldsOf(spec)) {
    if (field.input === "checkbox") {
      if (field.value === true) form.set(name, "on");
    } else {
      form.set(name, String(field.value));
    }
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) form.delete(name);
    else form.set(name, value);
  }
  return form;
}

const check = (text: string) =>
  parseCampaignFile(
    "campaigns/webinar-maart.yaml",
    text,
    organisations.map((o) => o.id),
    { markdown: "untrusted" },
  );

describe("the campaign form, generated from the schemas", () => {
  const spec = describeCampaign(parse(workshop));
  const fields = fieldsOf(spec);

  it("has a field of the right kind for each of the campaign's fields", () => {
    expect(fields.get("title")).toMatchObject({
      input: "text",
      required: true,
      value: "Workshop: van groep naar team",
      maxLength: 90,
    });
    expect(fields.get("theme")).toMatchObject({
      input: "select",
      options: ["brand", "campaign", "dark"],
      value: "dark",
    });
    expect(fields.get("status")).toMatchObject({
      input: "select",
      options: ["draft", "published"],
    });
    expect(fields.get("start")).toMatchObject({ input: "datetime", value: "2027-01-15 09:00" });
    // Optional groups are there to fill in, each field named by its YAML path.
    expect(fields.get("afterEnd.label")).toMatchObject({ input: "text", value: "" });
    expect(fields.get("shareImage.width")).toMatchObject({ input: "number", required: true });
  });

  it("has, per block, the fields of its type's schema", () => {
    expect(spec.blocks.map((block) => block.type)).toEqual([
      "hero",
      "text",
      "quote",
      "signup",
      "faq",
    ]);
    expect(fields.get("blocks.0.heading")?.value).toBe("Workshop: van groep naar team");
    expect(fields.get("blocks.0.action.href")?.value).toBe("#aanmelden");
    expect(fields.get("blocks.1.markdown")?.input).toBe("textarea");
    expect(fields.get("blocks.2.role")).toMatchObject({ required: false, input: "text" });
    // A list of questions: each one, then an empty one to add another.
    expect(fields.get("blocks.4.questions.1.question")?.value).toBe(
      "Kan het ook bij ons op locatie?",
    );
    expect(fields.get("blocks.4.questions.2.question")?.value).toBe("");
    // The block's type is its title, not a field.
    expect(fields.has("blocks.0.type")).toBe(false);
  });

  it("knows dates, times and lists of strings from the schemas of other blocks", () => {
    const event = describeCampaign({
      blocks: [
        { type: "event", date: "2027-03-12", start: "19:30" },
        { type: "logos", organisations: ["alwel", "denkbeeld"] },
      ],
    });
    const eventFields = fieldsOf(event);
    expect(eventFields.get("blocks.0.date")).toMatchObject({ input: "date", value: "2027-03-12" });
    expect(eventFields.get("blocks.0.start")).toMatchObject({ input: "time", value: "19:30" });
    expect(eventFields.get("blocks.1.organisations")).toMatchObject({
      input: "lines",
      value: "alwel\ndenkbeeld",
    });
  });

  it("leaves a block of an unknown type to the raw editor", () => {
    expect(describeCampaign({ blocks: [{ type: "video" }] }).blocks[0]).toEqual({
      index: 0,
      type: "video",
      fields: null,
    });
  });
});

describe("applying the form to the YAML", () => {
  const spec = describeCampaign(parse(template));

  it("sent back unchanged, gives the same text: comments, order and blank lines kept", () => {
    expect(applyCampaignForm(template, submitted(spec), null)).toBe(template);
  });

  it("writes a changed field into its place, and the result passes the check", () => {
    const text = applyCampaignForm(
      template,
      submitted(spec, { title: "Webinar: samen sterker", "blocks.0.heading": "Samen sterker" }),
      null,
    );
    expect(text).toContain('title: "Webinar: samen sterker"');
    expect(text).toContain("theme: campaign # brand, campaign or dark");
    expect(check(text).blocks[0]).toMatchObject({ type: "hero", heading: "Samen sterker" });
  });

  it("removes an optional field or group left empty, and keeps a required one for the check to name", () => {
    const text = applyCampaignForm(
      template,
      submitted(spec, {
        "blocks.0.subheading": "",
        "blocks.0.action.label": "",
        "blocks.0.action.href": "",
        description: "",
      }),
      null,
    );
    expect(parse(text).blocks[0]).toEqual({ type: "hero", heading: "Titel van de campagne" });
    expect(() => check(text)).toThrow(/field "description" must not be empty \(line 3\)/);
  });

  it("keeps Markdown as a block of text", () => {
    const text = applyCampaignForm(
      template,
      submitted(spec, { "blocks.1.markdown": "Eerste regel\r\n\r\n- een punt\r\n" }),
      null,
    );
    expect(text).toContain("    markdown: |\n      Eerste regel\n\n      - een punt\n");
  });

  it("adds a block of the chosen type with its required fields empty, for the check to name", () => {
    const form = submitted(spec);
    form.set("blok", "toevoegen");
    form.set("nieuw-blok", "quote");
    const action = blockActionOf(form);
    expect(action).toEqual({ kind: "add", type: "quote" });
    const text = applyCampaignForm(template, form, action as never);
    expect(parse(text).blocks.at(-1)).toEqual({ type: "quote", text: "", name: "" });
    expect(() => check(text)).toThrow(/block 4 \(quote\), field "text" must not be empty/);
  });

  it("moves a block up or down and removes one", () => {
    const types = (text: string) =>
      (parse(text).blocks as { type: string }[]).map((block) => block.type);
    const press = (value: string) => {
      const form = submitted(spec);
      form.set("blok", value);
      return applyCampaignForm(template, form, blockActionOf(form) as never);
    };
    expect(types(press("omlaag:0"))).toEqual(["text", "hero", "signup"]);
    expect(types(press("omhoog:2"))).toEqual(["hero", "signup", "text"]);
    expect(types(press("omhoog:0"))).toEqual(["hero", "text", "signup"]);
    expect(types(press("verwijderen:1"))).toEqual(["hero", "signup"]);
    expect(() => press("verwijderen:7")).toThrow(CampaignFormError);
  });

  it("adds a question by filling in the empty one, and drops one that was cleared", () => {
    const workshopSpec = describeCampaign(parse(workshop));
    const text = applyCampaignForm(
      workshop,
      submitted(workshopSpec, {
        "blocks.4.questions.0.question": "",
        "blocks.4.questions.0.answer": "",
        "blocks.4.questions.2.question": "Wat kost het?",
        "blocks.4.questions.2.answer": "Dat hangt af van de grootte van het team.",
      }),
      null,
    );
    expect(parse(text).blocks[4].questions).toEqual([
      {
        question: "Kan het ook bij ons op locatie?",
        answer: "Ja. Laat het weten via de website, dan plannen we een dag bij jullie.",
      },
      { question: "Wat kost het?", answer: "Dat hangt af van de grootte van het team." },
    ]);
  });

  it("refuses a button it does not know, and YAML it cannot read", () => {
    const form = new FormData();
    form.set("blok", "omhoog:x");
    expect(blockActionOf(form)).toBe("invalid");
    form.set("blok", "toevoegen");
    form.set("nieuw-blok", "video");
    expect(blockActionOf(form)).toBe("invalid");
    expect(() => applyCampaignForm("title: [", new FormData(), null)).toThrow(
      /verbeter die eerst in de YAML-editor/,
    );
  });
});

describe("the field a check message names", () => {
  it("is the form field of a block's field, a nested field, a list item or a campaign field", () => {
    expect(fieldOfMessage('block 2 (hero), field "heading" must not be empty (line 9)')).toBe(
      "blocks.1.heading",
    );
    expect(fieldOfMessage('block 1 (hero), field "action.label" is missing (line 4)')).toBe(
      "blocks.0.action.label",
    );
    expect(
      fieldOfMessage('block 5 (faq), field "questions[2].answer" must not be empty (line 40)'),
    ).toBe("blocks.4.questions.1.answer");
    expect(fieldOfMessage('field "theme" must be one of: brand, campaign, dark (line 4)')).toBe(
      "theme",
    );
    expect(fieldOfMessage("campaigns/x.yaml (line 2): this is not valid YAML")).toBeNull();
  });
});
