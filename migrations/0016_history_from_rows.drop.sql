-- Undoes 0016: the per-document history documents again, rebuilt from the revision records and the status histories.
CREATE TABLE IF NOT EXISTS archive.mt_doc_documenthistory (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_documenthistory_id PRIMARY KEY (id)
);
-- The revisions' entries (what each changed) are the read side's to compute: run
-- `scripts/archive projections rebuild` after this to fill them.
INSERT INTO archive.mt_doc_documenthistory (id, data, mt_dotnet_type)
SELECT s.id, jsonb_build_object('Id', s.id, 'Revisions', '[]'::jsonb, 'StatusChanges', coalesce(h.data -> 'StatusChanges', '[]'::jsonb)),
       'Archive.Api.Documents.GettingHistory.DocumentHistory'
FROM archive.mt_streams s LEFT JOIN archive.mt_doc_statushistory h ON h.id = s.id
ON CONFLICT (id) DO NOTHING;
DROP TABLE IF EXISTS archive.mt_doc_statushistory CASCADE;
