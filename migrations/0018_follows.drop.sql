DROP TABLE IF EXISTS archive.mt_doc_follow CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_followentry CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_followprogress CASCADE;
