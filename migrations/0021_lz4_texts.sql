-- Texts and their search vectors are compressed with LZ4 where the server has it (PostgreSQL 14 or
-- later built with lz4, as Debian's packages and the official images are): about three times faster
-- to compress than PostgreSQL's own pglz and faster to read back, in about the same space
-- (docs/benchmarks.md). Values stored before keep their compression until they are rewritten; new
-- ones use LZ4. A server without LZ4 is left as it is. The private cluster and docker-compose set
-- default_toast_compression = lz4 for every table instead.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    EXECUTE 'ALTER TABLE archive.texts ALTER COLUMN text SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE archive.search_slices ALTER COLUMN vector SET COMPRESSION lz4';
  END IF;
END
$$;
