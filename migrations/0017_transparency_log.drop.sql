DROP TABLE IF EXISTS archive.log_leaves CASCADE;
DROP TABLE IF EXISTS archive.log_hashes CASCADE;
DROP TABLE IF EXISTS archive.log_checkpoints CASCADE;
DROP TABLE IF EXISTS archive.log_keys CASCADE;
