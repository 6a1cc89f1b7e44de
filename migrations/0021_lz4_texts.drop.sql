DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_settings WHERE name = 'default_toast_compression') THEN
    EXECUTE 'ALTER TABLE archive.texts ALTER COLUMN text SET COMPRESSION default';
    EXECUTE 'ALTER TABLE archive.search_slices ALTER COLUMN vector SET COMPRESSION default';
  END IF;
END
$$;
