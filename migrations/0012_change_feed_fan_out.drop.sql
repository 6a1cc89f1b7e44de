-- Undoes 0012: the broker cursor's table again (its position is not recovered: the projection starts over and the broker gets the history again).
CREATE TABLE IF NOT EXISTS archive.mt_doc_brokercursor (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_brokercursor_id PRIMARY KEY (id)
);
DELETE FROM archive.mt_event_progression WHERE name = 'ChangeFeed:All';
