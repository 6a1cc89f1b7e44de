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


CREATE TABLE IF NOT EXISTS archive.mt_doc_capturedfile (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_capturedfile_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS archive.mt_doc_scheduledsyncstate (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_scheduledsyncstate_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS archive.mt_doc_syncgap (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
    open                boolean                     NULL,
    reason              varchar                     NULL,
    category            varchar                     NULL,
    next_attempt_at     timestamp with time zone    NULL,
    missing             varchar                     NULL,
CONSTRAINT pkey_mt_doc_syncgap_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_syncgap_idx_open ON archive.mt_doc_syncgap USING btree (open);

CREATE INDEX mt_doc_syncgap_idx_reason ON archive.mt_doc_syncgap USING btree (reason);

CREATE INDEX mt_doc_syncgap_idx_category ON archive.mt_doc_syncgap USING btree (category);

CREATE INDEX mt_doc_syncgap_idx_next_attempt_at ON archive.mt_doc_syncgap USING btree (next_attempt_at);

CREATE INDEX mt_doc_syncgap_idx_missing ON archive.mt_doc_syncgap USING btree (missing);
alter table archive.mt_doc_tkcase add column number varchar NULL;update archive.mt_doc_tkcase set "number" = data ->> 'Number';
CREATE INDEX mt_doc_tkcase_idx_number ON archive.mt_doc_tkcase USING btree (number);
alter table archive.mt_doc_tkdossier add column number varchar NULL;update archive.mt_doc_tkdossier set "number" = data ->> 'Number';
CREATE INDEX mt_doc_tkdossier_idx_number ON archive.mt_doc_tkdossier USING btree (number);
