DROP TABLE IF EXISTS archive.mt_doc_redeliveryjob CASCADE;
