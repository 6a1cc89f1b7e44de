DROP TABLE IF EXISTS archive.mt_doc_deliveryrecord CASCADE;
DROP TABLE IF EXISTS archive.mt_doc_subscription CASCADE;
