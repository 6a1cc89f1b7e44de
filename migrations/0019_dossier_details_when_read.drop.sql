-- Undoes 0019: a row per dossier again, made from the revision records that name it, as the
-- projection made it (the toevoeging of the newest, the newest title given).
CREATE TABLE IF NOT EXISTS archive.mt_doc_dossierdetails (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_dossierdetails_id PRIMARY KEY (id)
);
INSERT INTO archive.mt_doc_dossierdetails (id, data, mt_dotnet_type)
SELECT n.dossier_number,
       jsonb_build_object('Id', n.dossier_number,
           'Addition', (SELECT r.data -> 'Metadata' -> 'Dossier' ->> 'Addition' FROM archive.mt_doc_revisionrecord r
                        WHERE r.dossier_number = n.dossier_number ORDER BY r.recorded_at DESC LIMIT 1),
           'Title', (SELECT r.data -> 'Metadata' -> 'Dossier' ->> 'Title' FROM archive.mt_doc_revisionrecord r
                     WHERE r.dossier_number = n.dossier_number AND r.data -> 'Metadata' -> 'Dossier' ->> 'Title' IS NOT NULL
                     ORDER BY r.recorded_at DESC LIMIT 1)),
       'Archive.Api.Dossiers.DossierDetails'
FROM (SELECT DISTINCT dossier_number FROM archive.mt_doc_revisionrecord WHERE dossier_number IS NOT NULL) n
ON CONFLICT (id) DO NOTHING;
