DROP TABLE IF EXISTS archive.mt_doc_capturedfile CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_scheduledsyncstate CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_syncgap CASCADE;
drop index if exists archive.mt_doc_tkcase_idx_number;
alter table archive.mt_doc_tkcase drop column number;
drop index if exists archive.mt_doc_tkdossier_idx_number;
alter table archive.mt_doc_tkdossier drop column number;
