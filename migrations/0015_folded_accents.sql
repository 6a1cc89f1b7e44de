-- Search folds accents ("financiele" finds "financiële"): the titles' index is made again over
-- folded text, and every text's search vectors are computed again from the stored text, folded
-- the same way (translate(), stock PostgreSQL). Takes a while on a large archive: it reads every text once.
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
CREATE INDEX mt_doc_revisionrecord_simple_idx_fts ON archive.mt_doc_revisionrecord USING gin (to_tsvector('simple',translate(coalesce(data -> 'Metadata' ->> 'Title', '') || ' ' || coalesce(data -> 'Metadata' ->> 'Subject', ''), 'áàâäãåéèêëíìîïóòôöõúùûüýÿçñÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝÇÑ', 'aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYCN')));

UPDATE archive.search_slices s
SET vector = to_tsvector('simple'::regconfig, translate(t.text, 'áàâäãåéèêëíìîïóòôöõúùûüýÿçñÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝÇÑ', 'aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYCN'))
FROM archive.texts t
WHERE t.hash = s.hash AND t.part = s.index;
