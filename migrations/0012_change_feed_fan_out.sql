-- The change feed is written by the ChangeFanOut subscription instead of the ChangeFeedProjection
-- and the broker publisher. The subscription starts where the projection stood, so an upgraded
-- archive neither rewrites its change records nor sends its whole history to the broker again.
INSERT INTO archive.mt_event_progression (name, last_seq_id, last_updated)
SELECT 'ChangeFeed:All', last_seq_id, transaction_timestamp()
FROM archive.mt_event_progression
WHERE name = 'ChangeFeedProjection:All'
ON CONFLICT (name) DO NOTHING;

DELETE FROM archive.mt_event_progression WHERE name = 'ChangeFeedProjection:All';

-- The broker's own cursor: the subscription's position is the broker's position now.
DROP TABLE IF EXISTS archive.mt_doc_brokercursor CASCADE;
