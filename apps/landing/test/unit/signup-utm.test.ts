import { signupLimits, utmFieldNames } from "@vaart/ui/signup-contract";
import { describe, expect, it } from "vitest";
import { utmFrom } from "../../app/lib/page-blocks.server";

describe("the UTM values a campaign page carries into its signup form", () => {
  it("are the contract's parameters, each clipped to the length the server keeps", () => {
    const url = new URL("https://campagne.example/webinar");
    for (const name of utmFieldNames) url.searchParams.set(name, "u".repeat(signupLimits.utm + 1));
    url.searchParams.set("utm_id", "not in the contract");
    url.searchParams.set("utm_empty", "");
    const utm = utmFrom(url);
    expect(Object.keys(utm).sort()).toEqual([...utmFieldNames].sort());
    for (const name of utmFieldNames) expect(utm[name], name).toHaveLength(signupLimits.utm);
  });

  it("leave out parameters that are empty or only spaces", () => {
    expect(utmFrom(new URL("https://campagne.example/webinar?utm_source=%20&utm_medium="))).toEqual(
      {},
    );
  });
});
