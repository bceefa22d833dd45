/** The CSV export opens safely in Dutch Excel. */
import { describe, expect, it } from "vitest";
import { ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

describe.each(DRIVERS)("CSV export for Dutch Excel (%s)", (driver) => {
  it("quotes every cell and neutralises formulas hidden behind a ;", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(
      form(env, { email: "excel@example.nl", firstName: "Anna;=cmd|' /C calc'!A0" }),
      { ...ctx, source: "site;+SUM(1)" },
    );
    await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"));
    const [header, row] = (await newsletter.exportCsv()).trimEnd().split("\r\n");
    expect(header?.startsWith('"email","first_name",')).toBe(true);
    expect(row?.startsWith(`"excel@example.nl","Anna;'=cmd|' /C calc'!A0","site;'+SUM(1)",`)).toBe(
      true,
    );
    // No ;-separated part of the row starts a formula.
    for (const part of (row ?? "").split(";")) expect(part).not.toMatch(/^[=+\-@\t\r]/);
  });
});
