DROP TABLE IF EXISTS archive.search_slices CASCADE;
drop index if exists archive.mt_doc_revisionrecord_idx_content_hash;
drop index if exists archive.mt_doc_revisionrecord_simple_idx_fts;
alter table archive.mt_doc_revisionrecord drop column content_hash;
