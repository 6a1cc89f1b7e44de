-- Undoes 0013: each text back in a JSON document, and the words back in the search index.
CREATE TABLE IF NOT EXISTS archive.mt_doc_documenttext (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_documenttext_id PRIMARY KEY (id)
);
INSERT INTO archive.mt_doc_documenttext (id, data, mt_dotnet_type)
SELECT hash, jsonb_build_object('Id', hash, 'Text', string_agg(text, '' ORDER BY part)), 'Archive.Api.Documents.DocumentText'
FROM archive.texts GROUP BY hash
ON CONFLICT DO NOTHING;
ALTER TABLE archive.search_slices ADD COLUMN text character varying;
UPDATE archive.search_slices s SET text = t.text FROM archive.texts t WHERE t.hash = s.hash AND t.part = s.index;
DELETE FROM archive.search_slices WHERE text IS NULL;
ALTER TABLE archive.search_slices ALTER COLUMN text SET NOT NULL;
DROP TABLE IF EXISTS archive.texts CASCADE;
