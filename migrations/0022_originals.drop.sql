DROP TABLE IF EXISTS archive.originals CASCADE;
DROP TABLE IF EXISTS archive.original_parts CASCADE;
