DROP TABLE IF EXISTS archive.mt_doc_dossierdetails CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_revisionrecord CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_statusrecord CASCADE;
