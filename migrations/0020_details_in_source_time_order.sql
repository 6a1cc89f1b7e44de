-- Each document's current source time as a column with an index: the search walks the documents
-- as they stand now in that order (newest first), not every revision. Filled from the documents.
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


alter table archive.mt_doc_documentdetails add column source_updated_at timestamp with time zone NULL;update archive.mt_doc_documentdetails set "source_updated_at" = archive.mt_immutable_timestamptz(data ->> 'SourceUpdatedAt');
CREATE INDEX mt_doc_documentdetails_idx_source_updated_at ON archive.mt_doc_documentdetails USING btree (source_updated_at);
