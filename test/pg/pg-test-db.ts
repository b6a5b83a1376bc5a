import pg from 'pg';

/**
 * Test databases on the server named by MEGAGEN_PG_URL (start one with
 * `eval "$(scripts/pg-test-server.sh start)"`). Outside CI, tests that need
 * the server are skipped with this reason when the URL is unset; in CI
 * (CI=true) they always run and fail without a server.
 */
export function pgSkipReason(): string | false {
  if (process.env.MEGAGEN_PG_URL) return false;
  if (process.env.CI === 'true') return false;
  return 'MEGAGEN_PG_URL is unset: start a server with eval "$(scripts/pg-test-server.sh start)" to run the PostgreSQL tests';
}

export function serverUrl(): string {
  const url = process.env.MEGAGEN_PG_URL;
  if (!url) throw new Error('CI=true but MEGAGEN_PG_URL is unset: .ci/run must start the PostgreSQL test server');
  return url;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.href;
}

let counter = 0;

/** A fresh, empty database for one test; drop() removes it (terminating leftover sessions). */
export async function createTestDatabase(label: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const admin = serverUrl();
  const name = `megagen_t_${label}_${process.pid}_${++counter}`.replace(/[^a-z0-9_]/g, '_');
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(admin, name),
    name,
    async drop() {
      await withClient(admin, async (c) => {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
      });
    },
  };
}

export async function withClient<T>(url: string, body: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  await c.connect();
  try {
    return await body(c);
  } finally {
    await c.end().catch(() => {});
  }
}

/** Per table: row count and an order-independent checksum of the rows' text. */
export async function tableDigests(url: string, tables: readonly string[]): Promise<Map<string, { rows: number; sum: string }>> {
  return withClient(url, async (c) => {
    const out = new Map<string, { rows: number; sum: string }>();
    for (const t of tables) {
      const r = await c.query(`SELECT count(*)::bigint AS n, coalesce(sum(hashtext(x::text)::bigint), 0)::text AS s, count(DISTINCT id)::bigint AS d FROM "${t}" x`);
      const row = r.rows[0];
      if (row.n !== row.d) throw new Error(`${t}: ${row.n} rows but ${row.d} distinct ids`);
      out.set(t, { rows: Number(row.n), sum: row.s });
    }
    return out;
  });
}
