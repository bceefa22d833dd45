/**
 * The building blocks of the faster signup (issue 16): work handed in during one turn of
 * the event loop is run together, each caller with its own outcome; statements compiled once
 * run as named prepared statements on PostgreSQL and survive a migration by another
 * instance that changes a column they return.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { perTurn } from "../src/db/per-turn.server.js";
import { prepared } from "../src/db/prepared.server.js";
import { withDatabase } from "./db-rows.js";
import { setup } from "./helpers.js";

describe("perTurn", () => {
  const key = {};

  it("runs the items of one turn together, in arrival order, each caller getting its own result", async () => {
    const runs: number[][] = [];
    const double = perTurn(async (_key: object, items: number[]) => {
      runs.push([...items]);
      return items.map((n) => n * 2);
    });
    const answers = await Promise.all([double(key, 1), double(key, 2), double(key, 3)]);
    expect(answers).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
    expect(await double(key, 5)).toBe(10);
    expect(runs).toEqual([[1, 2, 3], [5]]);
  });

  it("fails only the item whose own work failed", async () => {
    const check = perTurn(async (_key: object, items: number[]) =>
      items.map((n) => (n === 2 ? Promise.reject(new Error("item 2 failed")) : n)),
    );
    const answers = await Promise.allSettled([check(key, 1), check(key, 2), check(key, 3)]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("answers every caller when the run throws at once or gives the wrong number of results", async () => {
    const throwing = perTurn((_key: object, _items: number[]): Promise<number[]> => {
      throw new Error("database away");
    });
    await expect(Promise.all([throwing(key, 1), throwing(key, 2)])).rejects.toThrow(
      "database away",
    );
    const short = perTurn(async (_key: object, items: number[]) => items.slice(1));
    const answers = await Promise.allSettled([short(key, 1), short(key, 2)]);
    expect(answers.map((a) => a.status)).toEqual(["rejected", "rejected"]);
  });
});

describe("a named prepared statement on PostgreSQL", () => {
  it("still answers after another instance's migration changes the type of a column it returns", async () => {
    const env = await setup("postgres");
    await env.newsletter.counts(); // creates the test's schema
    const readLevel = prepared<{ name: string }, { level: unknown }>(
      (_db, p) => sql`select level from prepared_probe where name = ${p.name}`,
    );
    await withDatabase(env.options, async (handle) => {
      await sql`create table prepared_probe (name text primary key, level integer)`.execute(
        handle.db,
      );
      await sql`insert into prepared_probe values ('a', 1)`.execute(handle.db);
      // Every pooled connection prepares it (parallel runs spread over the pool).
      const before = await Promise.all(
        Array.from({ length: 8 }, () => readLevel(handle.db, { name: "a" })),
      );
      expect(before.map((r) => r.rows[0]?.level)).toEqual(Array(8).fill(1));
      // A newer instance migrates on its own connection: the returned type changes.
      await withDatabase(env.options, async (other) => {
        await sql`alter table prepared_probe alter column level type text`.execute(other.db);
        await sql`update prepared_probe set level = 'hoog'`.execute(other.db);
      });
      const after = await Promise.all(
        Array.from({ length: 8 }, () => readLevel(handle.db, { name: "a" })),
      );
      expect(after.map((r) => r.rows[0]?.level)).toEqual(Array(8).fill("hoog"));
    });
  });
});
