-- A dossier's toevoeging and title are read from the revision records of its newest documents
-- (DossierDetails.LoadAsync): the row per dossier that every import into it rewrote, and locked
-- until it committed, is gone. Nothing moves: the revision records already hold both fields.
DROP TABLE IF EXISTS archive.mt_doc_dossierdetails CASCADE;
