DROP TABLE IF EXISTS archive.mt_doc_rememberedtombstone CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_synccheckpoint CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_tkcase CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_tkdocument CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_tkdocumentactor CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_tkdocumentversion CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_tkdossier CASCADE;
