DROP TABLE IF EXISTS archive.mt_doc_changerecord CASCADE;
DROP TABLE IF EXISTS archive.mt_hilo CASCADE;
drop function if exists archive.mt_get_next_hi(varchar);
