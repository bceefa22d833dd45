import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "../test/render";
import { ColorTable } from "./TokenTables";

afterEach(cleanup);

describe("the Tokens page's colour table", () => {
  it("names each colour as code refers to it, not by its hashed CSS variable", () => {
    const table = render(<ColorTable />);
    const text = table.textContent ?? "";
    expect(text).not.toMatch(/var\(--/);
    expect(text).toContain("vars.color.accent");
  });
});
