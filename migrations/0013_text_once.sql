-- Texts are stored once, as themselves: the plain table archive.texts (hash, part, text) replaces
-- the JSON documents of mt_doc_documenttext, and the search index keeps only its tsvectors (the
-- words are read from archive.texts). Nothing is lost: a text moves in the parts the search index
-- had cut it into only where those parts, joined, are exactly the stored text; any other text moves
-- whole, as one part, and its index is rebuilt by `search-index`.
CREATE TABLE IF NOT EXISTS archive.texts (
    hash    varchar    NOT NULL,
    part    integer    NOT NULL,
    text    varchar    NOT NULL,
CONSTRAINT pkey_texts_hash_part PRIMARY KEY (hash, part)
);

WITH joined AS (
    SELECT hash, string_agg(text, '' ORDER BY index) AS text FROM archive.search_slices GROUP BY hash),
same AS (
    SELECT j.hash FROM joined j JOIN archive.mt_doc_documenttext d ON d.id = j.hash AND d.data ->> 'Text' = j.text)
INSERT INTO archive.texts (hash, part, text)
SELECT s.hash, s.index, s.text FROM archive.search_slices s JOIN same ON same.hash = s.hash
ON CONFLICT DO NOTHING;

INSERT INTO archive.texts (hash, part, text)
SELECT d.id, 0, d.data ->> 'Text' FROM archive.mt_doc_documenttext d
WHERE NOT EXISTS (SELECT 1 FROM archive.texts t WHERE t.hash = d.id);

-- An index entry whose parts are not the stored ones is dropped: `search-index` makes it again.
DELETE FROM archive.search_slices s
WHERE NOT EXISTS (SELECT 1 FROM archive.texts t WHERE t.hash = s.hash AND t.part = s.index AND t.text = s.text);

ALTER TABLE archive.search_slices DROP COLUMN text;

DROP TABLE archive.mt_doc_documenttext CASCADE;
DO $$
DECLARE f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'archive' AND p.proname LIKE 'mt\_%\_documenttext' LOOP
        EXECUTE 'DROP FUNCTION ' || f;
    END LOOP;
END
$$;
