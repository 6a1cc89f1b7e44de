-- Follows (src/Archive.Api/Following): what each follows, the changes each matched, and how far
-- each one's mails have come. New tables only; an existing archive starts with no follows.
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


CREATE TABLE IF NOT EXISTS archive.mt_doc_follow (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_follow_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_follow_idx_stop_code ON archive.mt_doc_follow USING btree ((data ->> 'StopCode'));

CREATE INDEX mt_doc_follow_idx_confirm_code ON archive.mt_doc_follow USING btree ((data ->> 'ConfirmCode'));
CREATE TABLE IF NOT EXISTS archive.mt_doc_followentry (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
    follow_id           varchar                     NULL,
CONSTRAINT pkey_mt_doc_followentry_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_followentry_idx_follow_id ON archive.mt_doc_followentry USING btree (follow_id);

CREATE INDEX mt_doc_followentry_idx_sequence ON archive.mt_doc_followentry USING btree ((CAST(data ->> 'Sequence' as bigint)));
CREATE TABLE IF NOT EXISTS archive.mt_doc_followprogress (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_followprogress_id PRIMARY KEY (id)
);
