namespace SpeechGate.Storage.Postgres;

/// <summary>The schema, as versioned migrations: each runs once per database, in order, and is never edited once released.</summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: budgets with per-period buckets, leased reservations (held per bucket) and the ledger.
        """
        CREATE TABLE budgets (
            scope text NOT NULL, subject text NOT NULL, period text NOT NULL,
            limit_credits bigint NOT NULL, mode text NOT NULL,
            PRIMARY KEY (scope, subject, period));
        CREATE TABLE budget_buckets (
            scope text NOT NULL, subject text NOT NULL, period text NOT NULL, period_key text NOT NULL,
            spent bigint NOT NULL DEFAULT 0, reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
            PRIMARY KEY (scope, subject, period, period_key));
        CREATE TABLE reservation_leases (
            id text PRIMARY KEY, owner text NOT NULL, lease_until timestamptz NOT NULL, credits bigint NOT NULL,
            sent boolean NOT NULL DEFAULT false, pending text);
        CREATE INDEX reservation_leases_until ON reservation_leases (lease_until);
        CREATE TABLE budget_reservations (
            id text NOT NULL, scope text NOT NULL, subject text NOT NULL, period text NOT NULL, period_key text NOT NULL,
            credits bigint NOT NULL, released boolean NOT NULL DEFAULT false, charged bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (id, scope, subject, period));
        CREATE TABLE ledger (
            id bigserial PRIMARY KEY, time timestamptz NOT NULL, day text NOT NULL,
            account text, project text, line_id text, provider text NOT NULL, voice text NOT NULL, model text,
            characters integer NOT NULL, credits bigint NOT NULL, estimated bigint NOT NULL,
            request_id text, cache_status text NOT NULL, audio_key text,
            regeneration boolean NOT NULL, rebuy boolean NOT NULL, answers integer NOT NULL DEFAULT 1);
        CREATE INDEX ledger_line ON ledger (project, line_id);
        CREATE INDEX ledger_key ON ledger (audio_key);
        CREATE INDEX ledger_time ON ledger (time);
        """,
    ];
}
