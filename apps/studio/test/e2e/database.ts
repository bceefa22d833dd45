/** The test PostgreSQL database (scripts/ensure-test-services.sh starts it). */
export const pgBase =
  process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";

/** DATABASE_URL for a schema of its own in the test database. */
export function pgSchemaUrl(schema: string): string {
  return `${pgBase}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}
