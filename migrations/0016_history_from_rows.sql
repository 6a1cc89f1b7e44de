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


CREATE TABLE IF NOT EXISTS archive.mt_doc_statushistory (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_statushistory_id PRIMARY KEY (id)
);

-- A document's revisions are read from its revision records (one row each, never rewritten) and
-- its withdrawals and restorations from mt_doc_statushistory: the per-document history document,
-- rewritten whole on every import, is gone. Its status changes move to the new table, and the one
-- thing the revision records did not yet hold, why a revision has no text, moves to them.
INSERT INTO archive.mt_doc_statushistory (id, data, mt_dotnet_type, mt_version)
SELECT h.id, jsonb_build_object('Id', h.id, 'StatusChanges', h.data -> 'StatusChanges'),
       'Archive.Api.Documents.GettingHistory.StatusHistory',
       coalesce((SELECT s.version FROM archive.mt_streams s WHERE s.id = h.id), 0)
FROM archive.mt_doc_documenthistory h
WHERE jsonb_array_length(coalesce(h.data -> 'StatusChanges', '[]'::jsonb)) > 0
ON CONFLICT (id) DO NOTHING;

UPDATE archive.mt_doc_revisionrecord r
SET data = r.data || jsonb_build_object('TextNotCaptured', e ->> 'TextNotCaptured')
FROM archive.mt_doc_documenthistory h, jsonb_array_elements(h.data -> 'Revisions') e
WHERE h.id = r.document_number AND (e ->> 'Revision')::int = (r.data ->> 'Revision')::int AND e ->> 'TextNotCaptured' IS NOT NULL;

DROP TABLE archive.mt_doc_documenthistory CASCADE;
