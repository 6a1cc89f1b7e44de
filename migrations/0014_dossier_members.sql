-- A dossier's documents become rows of their own (mt_doc_dossiermember, one per document), so
-- that an import no longer rewrites its whole dossier. The rows are made from the lists the
-- dossiers held; a document listed in two dossiers (it moved: the lists never let it go) is
-- placed in the one its latest revision names.
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


CREATE TABLE IF NOT EXISTS archive.mt_doc_dossiermember (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    dossier_number      varchar                     NULL,
CONSTRAINT pkey_mt_doc_dossiermember_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_dossiermember_idx_dossier_number ON archive.mt_doc_dossiermember USING btree (dossier_number);

INSERT INTO archive.mt_doc_dossiermember (id, data, mt_dotnet_type, mt_version, dossier_number)
SELECT DISTINCT ON (e ->> 'Number')
       e ->> 'Number',
       jsonb_build_object('Id', e ->> 'Number', 'DossierNumber', d.id, 'Entry', e),
       'Archive.Api.Dossiers.DossierMember',
       coalesce((SELECT s.version FROM archive.mt_streams s WHERE s.id = e ->> 'Number'), 0),
       d.id
FROM archive.mt_doc_dossierdetails d, jsonb_array_elements(coalesce(d.data -> 'Documents', '[]'::jsonb)) e
ORDER BY e ->> 'Number', (e ->> 'SourceUpdatedAt')::timestamptz DESC, (e ->> 'SourceVersion')::int DESC, (e ->> 'RecordedAt')::timestamptz DESC
ON CONFLICT (id) DO NOTHING;

UPDATE archive.mt_doc_dossierdetails SET data = data - 'Documents' WHERE data ? 'Documents';
