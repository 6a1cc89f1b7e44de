-- Undoes 0015: the titles' index and the texts' vectors without folding.
drop index if exists archive.mt_doc_revisionrecord_simple_idx_fts;
CREATE INDEX mt_doc_revisionrecord_simple_idx_fts ON archive.mt_doc_revisionrecord USING gin ((to_tsvector('simple',((COALESCE(((data->'Metadata'::text)->>'Title'::text),''::text)||' '::text)||COALESCE(((data->'Metadata'::text)->>'Subject'::text),''::text)))));
DROP TABLE IF EXISTS archive.mt_doc_statushistory CASCADE;

UPDATE archive.search_slices s SET vector = to_tsvector('simple'::regconfig, t.text)
FROM archive.texts t WHERE t.hash = s.hash AND t.part = s.index;
