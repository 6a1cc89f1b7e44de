DO $$
BEGIN      IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'archive') THEN
        BEGIN
          EXECUTE 'CREATE SCHEMA IF NOT EXISTS archive';
        EXCEPTION
          WHEN duplicate_schema THEN NULL;
          WHEN unique_violation THEN NULL;
        END;
      END IF;

END
$$;


CREATE TABLE IF NOT EXISTS archive.originals (
    sha256    varchar    NOT NULL,
    length    bigint     NOT NULL,
    store     varchar    NOT NULL,
CONSTRAINT pkey_originals_sha256 PRIMARY KEY (sha256)
);
CREATE TABLE IF NOT EXISTS archive.original_parts (
    sha256    varchar    NOT NULL,
    part      integer    NOT NULL,
    data      bytea      NOT NULL,
CONSTRAINT pkey_original_parts_sha256_part PRIMARY KEY (sha256, part)
);
