-- Search folds accents ("financiele" finds "financiële"): the titles' index is made again over
-- folded text, and every text's search vectors are computed again from the stored text, folded
-- the same way (normalize to NFD and drop the combining marks: stock PostgreSQL). Takes a while
-- on a large archive: it reads every text once.
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


drop index if exists archive.mt_doc_revisionrecord_simple_idx_fts;
CREATE INDEX mt_doc_revisionrecord_simple_idx_fts ON archive.mt_doc_revisionrecord USING gin (to_tsvector('simple',regexp_replace(normalize(coalesce(data -> 'Metadata' ->> 'Title', '') || ' ' || coalesce(data -> 'Metadata' ->> 'Subject', ''), NFD), '[\u0300-\u036f]', '', 'g')));
CREATE TABLE IF NOT EXISTS archive.mt_doc_statushistory (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_statushistory_id PRIMARY KEY (id)
);

UPDATE archive.search_slices s
SET vector = to_tsvector('simple'::regconfig, regexp_replace(normalize(t.text, NFD), '[\u0300-\u036f]', '', 'g'))
FROM archive.texts t
WHERE t.hash = s.hash AND t.part = s.index;
