import { organisations } from "@vaart/content";
import { docSamples } from "@vaart/testing";
import { describe, expect, it } from "vitest";
import { CampaignFileError, parseCampaignFile } from "../../app/campaigns/campaign-file";

// Campaign files in the docs (YAML samples with blocks) are what marketing copies into
// campaigns/: each must pass the checker the build runs, exactly as written.
const campaigns = docSamples(["yaml", "yml"]).filter((sample) => /^blocks:/m.test(sample.code));
const organisationIds = organisations.map((organisation) => organisation.id);

describe("campaign samples in the READMEs", () => {
  it("the landing README has a campaign file", () => {
    expect(campaigns.map((sample) => sample.file)).toContain("apps/landing/README.md");
  });

  it.each(campaigns.map((sample) => [`${sample.file}:${sample.line}`, sample] as const))(
    "%s passes the campaign check",
    (_, sample) => {
      expect(() =>
        parseCampaignFile("campaigns/voorbeeld.yaml", sample.code, organisationIds),
      ).not.toThrow();
    },
  );

  it("a group whose lines lost their indentation is explained, not quoted from the validator", () => {
    const sample = campaigns.find((s) => s.file === "apps/landing/README.md")?.code ?? "";
    const unindented = sample.replace(/^ {2}(label|href):/gm, "$1:");
    expect(unindented).not.toBe(sample);
    let message = "";
    try {
      parseCampaignFile("campaigns/voorbeeld.yaml", unindented, organisationIds);
    } catch (error) {
      expect(error).toBeInstanceOf(CampaignFileError);
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /field "afterEnd" is empty: write its fields on the lines below it, each indented by two spaces more, or leave the field out \(line \d+\)/,
    );
    expect(message).toContain('if they belong under "afterEnd:", indent them by two spaces more');
    expect(message).not.toMatch(/expected|received|invalid input|is missing/i);
  });
});
