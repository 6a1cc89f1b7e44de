-- Undoes 0014: each dossier's list of documents again, from the member rows.
UPDATE archive.mt_doc_dossierdetails d SET data = d.data || jsonb_build_object('Documents', coalesce(
    (SELECT jsonb_agg(m.data -> 'Entry' ORDER BY (m.data -> 'Entry' ->> 'SequenceNumber')::int NULLS LAST, m.id)
     FROM archive.mt_doc_dossiermember m WHERE m.dossier_number = d.id), '[]'::jsonb));
DROP TABLE IF EXISTS archive.mt_doc_dossiermember CASCADE;
