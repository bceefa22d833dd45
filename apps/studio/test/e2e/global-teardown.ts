import { execFileSync } from "node:child_process";
import { pgBase } from "./database";

/** Drops the run's schema (playwright.config.ts made it). */
export default function globalTeardown() {
  const schema = process.env.STUDIO_TEST_PG_SCHEMA;
  if (!schema || !/^studio_e2e_[a-z0-9_]+$/.test(schema)) return;
  execFileSync("psql", [
    pgBase,
    "-v",
    "ON_ERROR_STOP=1",
    "-Atqc",
    `set client_min_messages = warning; drop schema if exists ${schema} cascade`,
  ]);
}
