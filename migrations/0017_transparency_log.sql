-- The transparency log (src/Archive.Api/Transparency): a Merkle tree over every event, its stored
-- subtree hashes, the signed checkpoints and the signer key. Rows are only ever added. On an
-- existing archive the log is built from every event already stored when the Archive next starts.
DO $$
BEGIN      IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'archive') THEN
        BEGIN
          EXECUTE 'CREATE SCHEMA IF NOT EXISTS archive';
        EXCEPTION
          WHEN duplicate_schema THEN NULL;
          WHEN unique_violation THEN NULL;
        END;
      END IF;

END
$$;


CREATE TABLE IF NOT EXISTS archive.log_leaves (
    idx         bigint     NOT NULL,
    seq         bigint     NOT NULL,
    stream      varchar    NOT NULL,
    version     bigint     NOT NULL,
    revision    integer    NULL,
    data        bytea      NOT NULL,
CONSTRAINT pkey_log_leaves_idx PRIMARY KEY (idx)
);

CREATE UNIQUE INDEX ix_log_leaves_seq ON archive.log_leaves USING btree (seq);

CREATE INDEX ix_log_leaves_stream ON archive.log_leaves USING btree (stream, version);
CREATE TABLE IF NOT EXISTS archive.log_hashes (
    level    integer    NOT NULL,
    idx      bigint     NOT NULL,
    hash     bytea      NOT NULL,
CONSTRAINT pkey_log_hashes_level_idx PRIMARY KEY (level, idx)
);
CREATE TABLE IF NOT EXISTS archive.log_checkpoints (
    size         bigint                      NOT NULL,
    root         bytea                       NOT NULL,
    note         varchar                     NOT NULL,
    signed_at    timestamp with time zone    NOT NULL,
CONSTRAINT pkey_log_checkpoints_size PRIMARY KEY (size)
);
CREATE TABLE IF NOT EXISTS archive.log_keys (
    name          varchar                     NOT NULL,
    signer_key    varchar                     NOT NULL,
    created_at    timestamp with time zone    NOT NULL,
CONSTRAINT pkey_log_keys_name PRIMARY KEY (name)
);
