// The DuckDB schema of an ingest database, as ordered migrations. Table and column names are a contract
// with the analytics views (docs/schema.md): add columns or tables in a new migration, never rename.

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly statements: readonly string[];
}

const V1: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS labels (
     kind VARCHAR NOT NULL,          -- tier | stage | outcome | reason | finding | severity | maturity | fit | unmet
     code VARCHAR NOT NULL,
     label_zh VARCHAR NOT NULL,
     PRIMARY KEY (kind, code)
   )`,
  `CREATE TABLE IF NOT EXISTS ingest_runs (
     run_id VARCHAR PRIMARY KEY,
     started_at TIMESTAMP NOT NULL,
     finished_at TIMESTAMP,
     status VARCHAR NOT NULL,        -- running | finished (a run killed part-way stays "running")
     paths VARCHAR NOT NULL,         -- JSON array of the paths given on the command line
     workers INTEGER NOT NULL,
     ruleset_version VARCHAR NOT NULL,
     files_found INTEGER,
     summary VARCHAR                 -- JSON: the printed summary
   )`,
  // One row per distinct (path, content): the ledger of every file ever seen. A rerun over the same
  // folder finds its rows and stores nothing new.
  `CREATE TABLE IF NOT EXISTS files (
     file_id BIGINT PRIMARY KEY,     -- ingest order
     run_id VARCHAR NOT NULL,
     path VARCHAR NOT NULL,          -- absolute path
     rel_path VARCHAR NOT NULL,      -- relative to the root it was found under
     file_name VARCHAR NOT NULL,
     extension VARCHAR NOT NULL,
     sha256 VARCHAR,                 -- null only when the file could not be read at all
     size_bytes BIGINT NOT NULL,
     mtime TIMESTAMP NOT NULL,
     outcome VARCHAR NOT NULL,       -- accepted | accepted_with_warnings | replaced | rejected | duplicate
     reason_code VARCHAR,            -- rejected: file/encrypted, file/zip-bomb, …, INTERNAL
     message VARCHAR,                -- Chinese, for the agency
     duplicate_of BIGINT,            -- duplicate: the file_id holding the same bytes
     submission_id BIGINT,           -- accepted*/replaced: the submission read from this file
     ingested_at TIMESTAMP NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS submissions (
     submission_id BIGINT PRIMARY KEY,
     file_id BIGINT NOT NULL,
     run_id VARCHAR NOT NULL,
     uscc VARCHAR NOT NULL,
     name VARCHAR NOT NULL,
     city_code VARCHAR,              -- 4 digits, e.g. 3205
     city_name VARCHAR,
     county_code VARCHAR,            -- 6 digits
     county_name VARCHAR,
     industry_code VARCHAR,          -- GB/T 4754 大类 13..43
     industry_name VARCHAR,
     scale VARCHAR,
     maturity INTEGER,               -- GB/T 39116 level 1..5
     decl_scale BOOLEAN,
     decl_compliance BOOLEAN,
     decl_secure BOOLEAN,
     decl_organization BOOLEAN,
     contact VARCHAR,
     phone VARCHAR,
     fill_date DATE,
     file_mtime TIMESTAMP NOT NULL,
     template_id VARCHAR,
     template_version VARCHAR,
     ruleset_version VARCHAR NOT NULL,
     located_by VARCHAR NOT NULL,    -- defined-names | cell-map
     is_current BOOLEAN NOT NULL,
     superseded_by BIGINT,           -- the submission now current for this uscc
     errors INTEGER NOT NULL,
     warnings INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS indicator_answers (
     submission_id BIGINT NOT NULL,
     indicator_id INTEGER NOT NULL,  -- 1..10
     raw_level VARCHAR,              -- as read (text form)
     level INTEGER,                  -- normalised 1..6, null when N/A or missing
     is_na BOOLEAN NOT NULL,
     raw_score VARCHAR,
     score DOUBLE,
     fit VARCHAR,                    -- basic | good | full
     valid BOOLEAN NOT NULL,         -- complete and valid, counts towards the composite
     investment_total DOUBLE,        -- indicator 7 only (万元)
     investment_2024 DOUBLE,
     PRIMARY KEY (submission_id, indicator_id)
   )`,
  `CREATE TABLE IF NOT EXISTS scenario_answers (
     submission_id BIGINT NOT NULL,
     scenario_id INTEGER NOT NULL,   -- 1..40
     raw_tier VARCHAR,
     tier VARCHAR,                   -- normalised tier key as declared
     counted_tier VARCHAR,           -- the tier it counts at after checks (null when the tier has no description)
     stage VARCHAR,                  -- factory | rnd | production | management | operations
     area VARCHAR,                   -- D4 环节 column
     PRIMARY KEY (submission_id, scenario_id)
   )`,
  `CREATE TABLE IF NOT EXISTS results (
     submission_id BIGINT PRIMARY KEY,
     composite DOUBLE,               -- unrounded; null when incomplete
     composite_complete BOOLEAN NOT NULL,
     suggested_tier VARCHAR,
     reference_tier VARCHAR,
     next_tier VARCHAR,
     met_basic BOOLEAN NOT NULL,
     met_advanced BOOLEAN NOT NULL,
     met_excellent BOOLEAN NOT NULL,
     met_leading BOOLEAN NOT NULL,
     count_basic INTEGER NOT NULL,   -- 建设场景数: rated at this tier or above (Reading R5)
     count_advanced INTEGER NOT NULL,
     count_excellent INTEGER NOT NULL,
     count_leading INTEGER NOT NULL,
     rated_basic INTEGER NOT NULL,   -- rated exactly at this tier
     rated_advanced INTEGER NOT NULL,
     rated_excellent INTEGER NOT NULL,
     rated_leading INTEGER NOT NULL,
     cached_composite DOUBLE,        -- what the workbook's formulas showed (never trusted)
     cached_suggested_tier VARCHAR,
     cached_reference_tier VARCHAR,
     cached_mismatch BOOLEAN NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS result_stage_counts (
     submission_id BIGINT NOT NULL,
     tier VARCHAR NOT NULL,
     stage VARCHAR NOT NULL,
     scenarios INTEGER NOT NULL,     -- counted scenarios of this tier (or above) in this stage
     PRIMARY KEY (submission_id, tier, stage)
   )`,
  `CREATE TABLE IF NOT EXISTS unmet_conditions (
     submission_id BIGINT NOT NULL,
     seq INTEGER NOT NULL,
     tier VARCHAR NOT NULL,          -- the next tier
     code VARCHAR NOT NULL,          -- unmet/scenarios, unmet/stages, …
     blocking BOOLEAN NOT NULL,
     params VARCHAR NOT NULL,        -- JSON
     message VARCHAR NOT NULL,
     PRIMARY KEY (submission_id, seq)
   )`,
  `CREATE TABLE IF NOT EXISTS findings (
     file_id BIGINT NOT NULL,
     submission_id BIGINT,           -- null for file-level findings of rejected files
     seq INTEGER NOT NULL,
     code VARCHAR NOT NULL,
     severity VARCHAR NOT NULL,      -- error | warning | info
     sheet VARCHAR,
     address VARCHAR,                -- e.g. E9
     cell VARCHAR,                   -- e.g. 数字化转型自评价!E9
     field VARCHAR,                  -- the template's defined name
     indicator_id INTEGER,
     scenario_id INTEGER,
     raw VARCHAR,
     params VARCHAR NOT NULL,        -- JSON
     message VARCHAR NOT NULL,
     PRIMARY KEY (file_id, seq)
   )`,
  `CREATE TABLE IF NOT EXISTS ingest_log (
     run_id VARCHAR NOT NULL,
     logged_at TIMESTAMP NOT NULL,
     level VARCHAR NOT NULL,         -- error | warning | info
     path VARCHAR,
     code VARCHAR NOT NULL,
     message VARCHAR NOT NULL,
     stack VARCHAR
   )`,
  `CREATE TABLE IF NOT EXISTS roster (
     uscc VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     city_code VARCHAR,
     city_name VARCHAR,
     county_code VARCHAR,
     county_name VARCHAR,
     industry_code VARCHAR,
     source_file VARCHAR NOT NULL,
     imported_at TIMESTAMP NOT NULL
   )`,
  `CREATE OR REPLACE VIEW current_results AS
     SELECT s.submission_id, s.uscc, s.name, s.city_code, s.city_name, s.county_code, s.county_name,
            s.industry_code, s.industry_name, s.scale, s.maturity, s.fill_date, s.template_version,
            s.ruleset_version, s.errors, s.warnings,
            r.composite, r.composite_complete, r.suggested_tier, r.reference_tier, r.next_tier,
            lr.label_zh AS reference_tier_label, ls.label_zh AS suggested_tier_label,
            r.count_basic, r.count_advanced, r.count_excellent, r.count_leading,
            r.met_basic, r.met_advanced, r.met_excellent, r.met_leading, r.cached_mismatch,
            f.path, f.file_id
     FROM submissions s
     JOIN results r USING (submission_id)
     JOIN files f ON f.file_id = s.file_id
     LEFT JOIN labels lr ON lr.kind = 'tier' AND lr.code = r.reference_tier
     LEFT JOIN labels ls ON ls.kind = 'tier' AND ls.code = r.suggested_tier
     WHERE s.is_current`,
  `CREATE OR REPLACE VIEW findings_by_code AS
     SELECT fi.code, fi.severity, any_value(l.label_zh) AS label_zh,
            count(*) AS findings, count(DISTINCT fi.file_id) AS files,
            count(DISTINCT fi.submission_id) FILTER (WHERE s.is_current) AS current_submissions
     FROM findings fi
     LEFT JOIN submissions s USING (submission_id)
     LEFT JOIN labels l ON l.kind = 'finding' AND l.code = fi.code
     GROUP BY fi.code, fi.severity`,
  `CREATE OR REPLACE VIEW roster_coverage AS
     SELECT coalesce(r.uscc, c.uscc) AS uscc,
            coalesce(r.name, c.name) AS name,
            coalesce(r.city_code, c.city_code) AS city_code,
            coalesce(r.city_name, c.city_name) AS city_name,
            coalesce(r.county_code, c.county_code) AS county_code,
            coalesce(r.county_name, c.county_name) AS county_name,
            CASE WHEN c.uscc IS NULL THEN 'missing' WHEN r.uscc IS NULL THEN 'unexpected' ELSE 'returned' END AS status,
            c.submission_id
     FROM roster r
     FULL OUTER JOIN (SELECT * FROM submissions WHERE is_current) c ON c.uscc = r.uscc`,
];

export const MIGRATIONS: readonly Migration[] = [{ version: 1, description: 'ingest tables, labels, current_results, findings_by_code, roster_coverage', statements: V1 }];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
