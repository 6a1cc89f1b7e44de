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


CREATE TABLE IF NOT EXISTS archive.search_slices (
    hash      varchar     NOT NULL,
    index     integer     NOT NULL,
    text      varchar     NOT NULL,
    vector    tsvector    NOT NULL,
CONSTRAINT pkey_search_slices_hash_index PRIMARY KEY (hash, index)
);

CREATE INDEX search_slices_vector ON archive.search_slices USING gin (vector);
alter table archive.mt_doc_revisionrecord add column content_hash varchar NULL;update archive.mt_doc_revisionrecord set "content_hash" = data ->> 'ContentHash';
CREATE INDEX mt_doc_revisionrecord_idx_content_hash ON archive.mt_doc_revisionrecord USING btree (content_hash);
CREATE INDEX mt_doc_revisionrecord_simple_idx_fts ON archive.mt_doc_revisionrecord USING gin (to_tsvector('simple',coalesce(data -> 'Metadata' ->> 'Title', '') || ' ' || coalesce(data -> 'Metadata' ->> 'Subject', '')));
