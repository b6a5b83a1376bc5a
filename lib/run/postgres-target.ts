import pg from 'pg';
import { MegagenError, invalidOption } from '../errors.js';

/**
 * A PostgreSQL target: its URL, the same URL without the password (the only
 * form that ever reaches a message), and connecting with one-line errors.
 */
export interface PostgresTarget {
  readonly url: string;
  /** The URL with any password removed: safe for messages and logs. */
  readonly display: string;
}

export function parsePostgresTarget(url: string, flag = '--sink'): PostgresTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalidOption(`${flag} must be a postgres://user@host:port/database URL (got "${redactText(url)}")`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    throw invalidOption(`${flag} must be a postgres://user@host:port/database URL (got "${redactUrl(u)}")`);
  return { url, display: redactUrl(u) };
}

function redactUrl(u: URL): string {
  const c = new URL(u.href);
  c.password = '';
  c.searchParams.delete('password');
  return c.href;
}

/** Best effort for text that is not a URL: drop anything between `:` and `@` of a userinfo. */
function redactText(s: string): string {
  return s.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1@');
}

/** The one-line reason of a connection or query failure, without the password. */
export function describePgError(err: unknown): string {
  const e = err as { code?: string; message?: string; errno?: string };
  switch (e?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'ECONNRESET':
      return 'connection reset by the server';
    case '28P01':
      return 'password authentication failed';
    case '28000':
      return e.message ?? 'authentication rejected';
    case '3D000':
      return e.message ?? 'database does not exist';
    case '57P01':
    case '57P02':
    case '57P03':
      return `the server ended the connection (${e.message ?? e.code})`;
    default:
      break;
  }
  const detail = (err as { detail?: string } | null)?.detail;
  const msg = (e?.message ?? String(err)).split('\n')[0]! + (detail ? ` (${detail.split('\n')[0]})` : '');
  if (/timeout/i.test(msg)) return 'connection timed out';
  if (/Connection terminated/i.test(msg)) return 'the server closed the connection';
  return msg;
}

export function databaseError(target: PostgresTarget, what: string, err: unknown): MegagenError {
  return new MegagenError('ERR_DATABASE', `${what} ${target.display}: ${describePgError(err)}`, { cause: err });
}

export interface ConnectedClient {
  client: pg.Client;
  /** The first error the connection reported while idle or busy, if any. */
  readonly failure: () => Error | null;
}

/** Connects one client; failures become `cannot connect to <target>: <reason>`. */
export async function connectPostgres(target: PostgresTarget, timeoutMs = 10_000): Promise<ConnectedClient> {
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: timeoutMs, application_name: 'megagen' });
  let failure: Error | null = null;
  // An idle connection that dies emits 'error'; without a listener Node would crash.
  client.on('error', (err) => {
    failure ??= err;
  });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw databaseError(target, 'cannot connect to', err);
  }
  await client.query("SET client_encoding = 'UTF8'");
  return { client, failure: () => failure };
}
