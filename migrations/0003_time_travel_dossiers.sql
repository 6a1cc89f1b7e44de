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


CREATE TABLE IF NOT EXISTS archive.mt_doc_dossierdetails (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_dossierdetails_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS archive.mt_doc_revisionrecord (
    id                   varchar                     NOT NULL,
    data                 jsonb                       NOT NULL,
    mt_last_modified     timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version           uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type       varchar                     NULL,
    document_number      varchar                     NULL,
    source_updated_at    timestamp with time zone    NULL,
    recorded_at          timestamp with time zone    NULL,
    dossier_number       varchar                     NULL,
CONSTRAINT pkey_mt_doc_revisionrecord_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_revisionrecord_idx_document_number ON archive.mt_doc_revisionrecord USING btree (document_number);

CREATE INDEX mt_doc_revisionrecord_idx_source_updated_at ON archive.mt_doc_revisionrecord USING btree (source_updated_at);

CREATE INDEX mt_doc_revisionrecord_idx_recorded_at ON archive.mt_doc_revisionrecord USING btree (recorded_at);

CREATE INDEX mt_doc_revisionrecord_idx_dossier_number ON archive.mt_doc_revisionrecord USING btree (dossier_number);

CREATE INDEX mt_doc_revisionrecord_idx_document_numbersource_updated_at ON archive.mt_doc_revisionrecord USING btree ((document_number), (source_updated_at));

CREATE INDEX mt_doc_revisionrecord_idx_document_numberrecorded_at ON archive.mt_doc_revisionrecord USING btree ((document_number), (recorded_at));
CREATE TABLE IF NOT EXISTS archive.mt_doc_statusrecord (
    id                   uuid                        NOT NULL,
    data                 jsonb                       NOT NULL,
    mt_last_modified     timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version           uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type       varchar                     NULL,
    document_number      varchar                     NULL,
    source_updated_at    timestamp with time zone    NULL,
    recorded_at          timestamp with time zone    NULL,
    dossier_number       varchar                     NULL,
CONSTRAINT pkey_mt_doc_statusrecord_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_statusrecord_idx_document_number ON archive.mt_doc_statusrecord USING btree (document_number);

CREATE INDEX mt_doc_statusrecord_idx_source_updated_at ON archive.mt_doc_statusrecord USING btree (source_updated_at);

CREATE INDEX mt_doc_statusrecord_idx_recorded_at ON archive.mt_doc_statusrecord USING btree (recorded_at);

CREATE INDEX mt_doc_statusrecord_idx_dossier_number ON archive.mt_doc_statusrecord USING btree (dossier_number);
