/*
 * The database schema, as an ordered list of migrations.  Migration i brings
 * a database from user_version i to i + 1; a new database runs them all.
 * Never edit a migration that has shipped: add a new one.
 */
#include "config.h"

#include "schema.h"

#include <stddef.h>

static const char *const schema_migrations[] = {
	/* 0 -> 1: content (banks, rubrics, exam definitions), versioned. */
	"CREATE TABLE module_version ("
	"  id INTEGER PRIMARY KEY,"
	"  module TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  title_zh TEXT NOT NULL,"
	"  title_en TEXT NOT NULL,"
	"  digest TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  loaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  UNIQUE (module, version)"
	");"
	"CREATE TABLE question ("
	"  id INTEGER PRIMARY KEY,"
	"  module_version_id INTEGER NOT NULL REFERENCES module_version(id),"
	"  qid TEXT NOT NULL,"
	"  type TEXT NOT NULL CHECK (type IN"
	"    ('single','multiple','truefalse','ordering')),"
	"  difficulty INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 3),"
	"  stem_zh TEXT NOT NULL,"
	"  stem_en TEXT NOT NULL,"
	"  explanation_zh TEXT NOT NULL,"
	"  explanation_en TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  answer INTEGER,"
	"  tags TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (module_version_id, qid)"
	");"
	"CREATE INDEX question_qid ON question(qid);"
	"CREATE TABLE question_option ("
	"  question_id INTEGER NOT NULL REFERENCES question(id),"
	"  seq INTEGER NOT NULL,"
	"  text_zh TEXT NOT NULL,"
	"  text_en TEXT NOT NULL,"
	"  correct INTEGER NOT NULL DEFAULT 0,"
	"  position INTEGER,"
	"  PRIMARY KEY (question_id, seq)"
	") WITHOUT ROWID;"
	"CREATE VIEW current_module AS"
	"  SELECT mv.* FROM module_version mv"
	"  WHERE mv.version = (SELECT max(version) FROM module_version"
	"                      WHERE module = mv.module);"
	"CREATE TABLE rubric_version ("
	"  id INTEGER PRIMARY KEY,"
	"  rubric TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('practical','simulation')),"
	"  title_zh TEXT NOT NULL,"
	"  title_en TEXT NOT NULL,"
	"  description_zh TEXT NOT NULL DEFAULT '',"
	"  description_en TEXT NOT NULL DEFAULT '',"
	"  max INTEGER NOT NULL CHECK (max > 0),"
	"  pass INTEGER NOT NULL CHECK (pass BETWEEN 0 AND max),"
	"  source TEXT NOT NULL,"
	"  digest TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  loaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  UNIQUE (rubric, version)"
	");"
	"CREATE TABLE rubric_item ("
	"  rubric_version_id INTEGER NOT NULL REFERENCES rubric_version(id),"
	"  seq INTEGER NOT NULL,"
	"  item TEXT NOT NULL,"
	"  label_zh TEXT NOT NULL,"
	"  label_en TEXT NOT NULL,"
	"  max INTEGER NOT NULL CHECK (max > 0),"
	"  critical INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (rubric_version_id, seq),"
	"  UNIQUE (rubric_version_id, item)"
	") WITHOUT ROWID;"
	"CREATE VIEW current_rubric AS"
	"  SELECT rv.* FROM rubric_version rv"
	"  WHERE rv.version = (SELECT max(version) FROM rubric_version"
	"                      WHERE rubric = rv.rubric);"
	"CREATE TABLE exam_version ("
	"  id INTEGER PRIMARY KEY,"
	"  exam TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  title_zh TEXT NOT NULL,"
	"  title_en TEXT NOT NULL,"
	"  minutes INTEGER NOT NULL CHECK (minutes > 0),"
	"  written_pass INTEGER NOT NULL,"
	"  partial_credit INTEGER NOT NULL,"
	"  show_result INTEGER NOT NULL,"
	"  practical_pass INTEGER NOT NULL,"
	"  simulation_pass INTEGER NOT NULL,"
	"  simulation_require TEXT NOT NULL CHECK (simulation_require IN"
	"    ('all','one-of')),"
	"  weight_written INTEGER NOT NULL,"
	"  weight_practical INTEGER NOT NULL,"
	"  weight_simulation INTEGER NOT NULL,"
	"  excellent INTEGER NOT NULL,"
	"  cohort_pass_rate INTEGER NOT NULL,"
	"  cohort_excellence_rate INTEGER NOT NULL,"
	"  retakes INTEGER NOT NULL,"
	"  digest TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  loaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  UNIQUE (exam, version)"
	");"
	"CREATE TABLE exam_draw ("
	"  exam_version_id INTEGER NOT NULL REFERENCES exam_version(id),"
	"  seq INTEGER NOT NULL,"
	"  module TEXT NOT NULL,"
	"  difficulty INTEGER NOT NULL,"
	"  count INTEGER NOT NULL CHECK (count > 0),"
	"  PRIMARY KEY (exam_version_id, module, difficulty)"
	") WITHOUT ROWID;"
	"CREATE TABLE exam_component ("
	"  exam_version_id INTEGER NOT NULL REFERENCES exam_version(id),"
	"  component TEXT NOT NULL CHECK (component IN"
	"    ('practical','simulation')),"
	"  seq INTEGER NOT NULL,"
	"  rubric TEXT NOT NULL,"
	"  PRIMARY KEY (exam_version_id, component, seq)"
	") WITHOUT ROWID;"
	"CREATE VIEW current_exam AS"
	"  SELECT ev.* FROM exam_version ev"
	"  WHERE ev.version = (SELECT max(version) FROM exam_version"
	"                      WHERE exam = ev.exam);",

	/* 1 -> 2: accounts, cohorts, rosters, written attempts, audit. */
	"CREATE TRIGGER question_immutable BEFORE UPDATE ON question"
	" BEGIN SELECT RAISE(ABORT, 'loaded questions never change; load a"
	" new version'); END;"
	"CREATE TRIGGER question_undeletable BEFORE DELETE ON question"
	" BEGIN SELECT RAISE(ABORT, 'loaded questions are kept'); END;"
	"CREATE TRIGGER question_option_immutable BEFORE UPDATE ON"
	" question_option BEGIN SELECT RAISE(ABORT, 'loaded questions never"
	" change; load a new version'); END;"
	"CREATE TRIGGER question_option_undeletable BEFORE DELETE ON"
	" question_option BEGIN SELECT RAISE(ABORT, 'loaded questions are"
	" kept'); END;"
	"CREATE TABLE app_user ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL CHECK (role IN ('instructor','organizer')),"
	"  hash TEXT NOT NULL,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE TABLE auth_failure ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('ticket','user')),"
	"  who TEXT NOT NULL,"
	"  at INTEGER NOT NULL"
	");"
	"CREATE INDEX auth_failure_who ON auth_failure(kind, who, at);"
	"CREATE TABLE cohort ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  exam_version_id INTEGER NOT NULL REFERENCES exam_version(id),"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  sealed_at TEXT,"
	"  sealed_by INTEGER REFERENCES app_user(id)"
	");"
	"CREATE TABLE trainee ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  ticket TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  community TEXT NOT NULL,"
	"  grp TEXT NOT NULL DEFAULT 'other' CHECK (grp IN"
	"    ('staff','property','veteran','volunteer','other')),"
	"  phone TEXT NOT NULL DEFAULT '',"
	"  external_id TEXT NOT NULL DEFAULT '',"
	"  pin_hash TEXT NOT NULL,"
	"  withdrawn_at TEXT,"
	"  withdrawn_by INTEGER REFERENCES app_user(id),"
	"  withdrawn_reason TEXT"
	");"
	"CREATE INDEX trainee_cohort ON trainee(cohort_id);"
	"CREATE INDEX trainee_community ON trainee(community);"
	"CREATE TABLE attempt ("
	"  id INTEGER PRIMARY KEY,"
	"  trainee_id INTEGER NOT NULL REFERENCES trainee(id),"
	"  number INTEGER NOT NULL,"
	"  seed INTEGER NOT NULL,"
	"  status TEXT NOT NULL CHECK (status IN"
	"    ('not-started','in-progress','submitted','expired')),"
	"  started_at INTEGER NOT NULL,"
	"  deadline INTEGER NOT NULL,"
	"  closed_at INTEGER,"
	"  token TEXT NOT NULL DEFAULT '',"
	"  correct INTEGER,"
	"  total INTEGER,"
	"  tenths INTEGER,"
	"  UNIQUE (trainee_id, number)"
	");"
	"CREATE UNIQUE INDEX attempt_live ON attempt(trainee_id)"
	"  WHERE status = 'in-progress';"
	"CREATE INDEX attempt_deadline ON attempt(deadline)"
	"  WHERE status = 'in-progress';"
	/* The frozen paper: questions rows never change (triggers above),
	 * so an item refers to its question and keeps the display order. */
	"CREATE TABLE paper_item ("
	"  attempt_id INTEGER NOT NULL REFERENCES attempt(id),"
	"  seq INTEGER NOT NULL,"
	"  question_id INTEGER NOT NULL REFERENCES question(id),"
	"  module TEXT NOT NULL,"
	"  option_order TEXT NOT NULL,"
	"  response TEXT NOT NULL DEFAULT '',"
	"  flagged INTEGER NOT NULL DEFAULT 0,"
	"  answered_at INTEGER,"
	"  PRIMARY KEY (attempt_id, seq)"
	") WITHOUT ROWID;"
	/* Per-module results of a closed attempt, for reports. */
	"CREATE TABLE attempt_module ("
	"  attempt_id INTEGER NOT NULL REFERENCES attempt(id),"
	"  module TEXT NOT NULL,"
	"  correct INTEGER NOT NULL,"
	"  total INTEGER NOT NULL,"
	"  tenths INTEGER NOT NULL,"
	"  PRIMARY KEY (attempt_id, module)"
	") WITHOUT ROWID;"
	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  actor TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  cohort_id INTEGER REFERENCES cohort(id),"
	"  trainee_id INTEGER REFERENCES trainee(id),"
	"  detail TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TRIGGER event_append_only_u BEFORE UPDATE ON event"
	" BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	"CREATE TRIGGER event_append_only_d BEFORE DELETE ON event"
	" BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;",

	/* 2 -> 3: practical, simulation and written score entries. */
	"CREATE TABLE score_entry ("
	"  id INTEGER PRIMARY KEY,"
	"  trainee_id INTEGER NOT NULL REFERENCES trainee(id),"
	"  component TEXT NOT NULL CHECK (component IN"
	"    ('written','practical','simulation')),"
	"  rubric TEXT NOT NULL,"
	"  rubric_version_id INTEGER REFERENCES rubric_version(id),"
	"  total INTEGER NOT NULL,"
	"  max INTEGER NOT NULL CHECK (max > 0),"
	"  passed INTEGER NOT NULL,"
	"  critical_missed INTEGER NOT NULL DEFAULT 0,"
	"  retake INTEGER NOT NULL DEFAULT 0,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  comment TEXT NOT NULL DEFAULT '',"
	"  entered_by INTEGER NOT NULL REFERENCES app_user(id),"
	"  entered_at TEXT NOT NULL"
	"    DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX score_entry_trainee ON score_entry(trainee_id, rubric);"
	"CREATE TABLE score_mark ("
	"  entry_id INTEGER NOT NULL REFERENCES score_entry(id),"
	"  seq INTEGER NOT NULL,"
	"  item TEXT NOT NULL,"
	"  mark INTEGER NOT NULL CHECK (mark >= 0),"
	"  PRIMARY KEY (entry_id, seq)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER score_entry_no_update BEFORE UPDATE ON score_entry"
	" BEGIN SELECT RAISE(ABORT, 'score entries are never changed; enter a"
	" correction'); END;"
	"CREATE TRIGGER score_entry_no_delete BEFORE DELETE ON score_entry"
	" BEGIN SELECT RAISE(ABORT, 'score entries are never deleted'); END;"
	"CREATE TRIGGER score_mark_no_update BEFORE UPDATE ON score_mark"
	" BEGIN SELECT RAISE(ABORT, 'score entries are never changed; enter a"
	" correction'); END;"
	"CREATE TRIGGER score_mark_no_delete BEFORE DELETE ON score_mark"
	" BEGIN SELECT RAISE(ABORT, 'score entries are never deleted'); END;"
	/* The classes recorded when a cohort is certified (for coverage). */
	"CREATE TABLE certified_result ("
	"  trainee_id INTEGER PRIMARY KEY REFERENCES trainee(id),"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  class TEXT NOT NULL,"
	"  total_tenths INTEGER,"
	"  retake INTEGER NOT NULL"
	");"
	"CREATE TRIGGER certified_result_no_update BEFORE UPDATE ON"
	" certified_result BEGIN SELECT RAISE(ABORT, 'certified results are"
	" final'); END;"
	"CREATE TRIGGER certified_result_no_delete BEFORE DELETE ON"
	" certified_result BEGIN SELECT RAISE(ABORT, 'certified results are"
	" final'); END;"
	/* A sealed cohort refuses new entries, whoever writes them. */
	"CREATE TRIGGER score_entry_sealed BEFORE INSERT ON score_entry"
	" WHEN (SELECT c.sealed_at IS NOT NULL FROM trainee t JOIN cohort c"
	"   ON c.id = t.cohort_id WHERE t.id = NEW.trainee_id)"
	" BEGIN SELECT RAISE(ABORT, 'the cohort is certified and sealed'); END;",

	/* 3 -> 4: a question's optional short name (Moodle's question name). */
	"ALTER TABLE question ADD COLUMN name TEXT NOT NULL DEFAULT '';",

	/*
	 * 4 -> 5: the language whose texts are copies awaiting a translator
	 * ('zh-CN' or 'en'; '' when both are real), from status="untranslated".
	 */
	"ALTER TABLE question ADD COLUMN untranslated TEXT NOT NULL DEFAULT '';",

	/*
	 * 5 -> 6: this database's identity and secret (instance.h), made once
	 * and never changed; and how each written attempt's answers arrive
	 * (the device a trainee sat at, or the paper's way in).
	 */
	"CREATE TABLE instance ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  uuid TEXT NOT NULL CHECK (length(uuid) = 32),"
	"  secret BLOB NOT NULL CHECK (length(secret) = 32)"
	");"
	"INSERT INTO instance VALUES (1, lower(hex(randomblob(16))),"
	"  randomblob(32));"
	"CREATE TRIGGER instance_no_update BEFORE UPDATE ON instance"
	" BEGIN SELECT RAISE(ABORT, 'the database identity never changes'); END;"
	"CREATE TRIGGER instance_no_delete BEFORE DELETE ON instance"
	" BEGIN SELECT RAISE(ABORT, 'the database identity never changes'); END;"
	"ALTER TABLE attempt ADD COLUMN mode TEXT NOT NULL DEFAULT 'terminal'"
	"  CHECK (mode IN ('terminal','browser','paper-scan','paper-keyed'));",

	/*
	 * 6 -> 7: browser sittings (src/web): a logged-in phone's session.
	 * The cookie is never stored, only its SHA-256 (sid_hash); token is
	 * the attempt's session token attempt_open issued at this login, so a
	 * later login elsewhere takes the sitting over.
	 */
	"CREATE TABLE web_session ("
	"  id INTEGER PRIMARY KEY,"
	"  sid_hash TEXT NOT NULL UNIQUE CHECK (length(sid_hash) = 64),"
	"  trainee_id INTEGER NOT NULL REFERENCES trainee(id),"
	"  attempt_id INTEGER NOT NULL REFERENCES attempt(id),"
	"  token TEXT NOT NULL,"
	"  csrf TEXT NOT NULL CHECK (length(csrf) = 32),"
	"  lang TEXT NOT NULL CHECK (lang IN ('zh','en')),"
	"  address TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL"
	");"
	"CREATE INDEX web_session_created ON web_session(created_at);",

	/*
	 * 7 -> 8: answer sheets keyed in by double entry (keyin.h): each
	 * person's entry of a printed paper, its answers in paper order
	 * (paper_item.response, joined by ';'), and the scanned sheet's
	 * review it settles, if any.  Never changed or deleted.
	 */
	"CREATE TABLE paper_entry ("
	"  id INTEGER PRIMARY KEY,"
	"  attempt_id INTEGER NOT NULL REFERENCES attempt(id),"
	"  entered_by INTEGER NOT NULL REFERENCES app_user(id),"
	"  entered_at TEXT NOT NULL"
	"    DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  responses TEXT NOT NULL,"
	"  review_id INTEGER"
	");"
	"CREATE INDEX paper_entry_attempt ON paper_entry(attempt_id);"
	"CREATE TRIGGER paper_entry_no_update BEFORE UPDATE ON paper_entry"
	" BEGIN SELECT RAISE(ABORT, 'keyed entries are never changed'); END;"
	"CREATE TRIGGER paper_entry_no_delete BEFORE DELETE ON paper_entry"
	" BEGIN SELECT RAISE(ABORT, 'keyed entries are never deleted'); END;",

	/*
	 * 8 -> 9: a blueprint line may name the question type ('' for any
	 * type), so a paper has the same make-up for everyone.
	 */
	"CREATE TABLE exam_draw_typed ("
	"  exam_version_id INTEGER NOT NULL REFERENCES exam_version(id),"
	"  seq INTEGER NOT NULL,"
	"  module TEXT NOT NULL,"
	"  type TEXT NOT NULL DEFAULT '' CHECK (type IN"
	"    ('','single','multiple','truefalse','ordering')),"
	"  difficulty INTEGER NOT NULL,"
	"  count INTEGER NOT NULL CHECK (count > 0),"
	"  PRIMARY KEY (exam_version_id, module, type, difficulty)"
	") WITHOUT ROWID;"
	"INSERT INTO exam_draw_typed (exam_version_id, seq, module, type,"
	"  difficulty, count) SELECT exam_version_id, seq, module, '',"
	"  difficulty, count FROM exam_draw;"
	"DROP TABLE exam_draw;"
	"ALTER TABLE exam_draw_typed RENAME TO exam_draw;",

	/*
	 * 9 -> 10: failed logins also by where they came from (an address,
	 * "local") and by the ticket's cohort, for limits across tickets.  A
	 * try is recorded (pending) before its secret is checked
	 * (auth_reserve), one at a time per ticket or account, so logins
	 * started together cannot all be checked.
	 */
	"ALTER TABLE auth_failure ADD COLUMN source TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE auth_failure ADD COLUMN pending INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE auth_failure ADD COLUMN cohort_id INTEGER"
	"  REFERENCES cohort(id);"
	"CREATE INDEX auth_failure_source ON auth_failure(source, at);"
	"CREATE INDEX auth_failure_cohort ON auth_failure(cohort_id, at);",

	/*
	 * 10 -> 11: scanned answer sheet pages the reader was not sure of,
	 * waiting for a person (review.h): the page, what was read of each
	 * of its items, the picture kept.  Never deleted; closed once.
	 */
	"CREATE TABLE paper_review ("
	"  id INTEGER PRIMARY KEY,"
	"  attempt_id INTEGER NOT NULL REFERENCES attempt(id),"
	"  source TEXT NOT NULL,"
	"  page INTEGER NOT NULL CHECK (page >= 1),"
	"  sheet_page INTEGER NOT NULL DEFAULT 1 CHECK (sheet_page >= 1),"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  image TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (status IN ('open','settled','dismissed')),"
	"  created_at TEXT NOT NULL"
	"    DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  closed_at TEXT,"
	"  closed_by TEXT,"
	"  note TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX paper_review_attempt ON paper_review(attempt_id, status);"
	"CREATE TABLE paper_review_item ("
	"  review_id INTEGER NOT NULL REFERENCES paper_review(id),"
	"  item INTEGER NOT NULL CHECK (item >= 0),"
	"  doubt INTEGER NOT NULL CHECK (doubt IN (0, 1)),"
	"  response TEXT,"
	"  seen TEXT NOT NULL DEFAULT '',"
	"  CHECK (doubt = 1 OR response IS NOT NULL),"
	"  PRIMARY KEY (review_id, item)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER paper_review_no_delete BEFORE DELETE ON paper_review"
	" BEGIN SELECT RAISE(ABORT, 'review entries are never deleted'); END;"
	"CREATE TRIGGER paper_review_closed BEFORE UPDATE ON paper_review"
	" WHEN OLD.status <> 'open'"
	" BEGIN SELECT RAISE(ABORT, 'the review entry is already closed'); END;"
	"CREATE TRIGGER paper_review_item_no_update BEFORE UPDATE ON"
	" paper_review_item BEGIN SELECT RAISE(ABORT, 'what was read is kept"
	" as read'); END;"
	"CREATE TRIGGER paper_review_item_no_delete BEFORE DELETE ON"
	" paper_review_item BEGIN SELECT RAISE(ABORT, 'what was read is kept"
	" as read'); END;",

	/*
	 * 11 -> 12: which written result counts, the latest event.  An
	 * organizer's written entry records the number of the trainee's latest
	 * finished sitting when it was made (after_attempt); it counts over
	 * that sitting and those before it, and a sitting finished after it
	 * (one in progress when the entry was made) counts over it.  Entries
	 * made before this migration keep counting: they follow every sitting
	 * finished so far.  written_counts is the rule, one row a trainee with
	 * a written result: the counting entry or attempt, and whether a
	 * retake came before (a retake entry, or a sitting numbered above 1).
	 */
	"ALTER TABLE score_entry ADD COLUMN after_attempt INTEGER NOT NULL"
	"  DEFAULT 0;"
	"DROP TRIGGER score_entry_no_update;"
	"UPDATE score_entry SET after_attempt = coalesce((SELECT max(number)"
	"  FROM attempt a WHERE a.trainee_id = score_entry.trainee_id"
	"  AND a.status IN ('submitted','expired')), 0)"
	"  WHERE rubric = 'written';"
	"CREATE TRIGGER score_entry_no_update BEFORE UPDATE ON score_entry"
	" BEGIN SELECT RAISE(ABORT, 'score entries are never changed; enter a"
	" correction'); END;"
	"CREATE VIEW written_counts AS SELECT w.trainee_id,"
	"  CASE WHEN w.entry_id IS NOT NULL AND (w.attempt_id IS NULL"
	"    OR a.number <= e.after_attempt) THEN w.entry_id END AS entry_id,"
	"  CASE WHEN w.attempt_id IS NOT NULL AND (w.entry_id IS NULL"
	"    OR a.number > e.after_attempt) THEN w.attempt_id END"
	"    AS attempt_id,"
	"  CASE WHEN w.entry_id IS NOT NULL AND (w.attempt_id IS NULL"
	"    OR a.number <= e.after_attempt) THEN e.total ELSE a.tenths END"
	"    AS tenths,"
	"  CASE WHEN w.entry_id IS NOT NULL AND (w.attempt_id IS NULL"
	"    OR a.number <= e.after_attempt) THEN 'external' ELSE a.mode END"
	"    AS mode,"
	"  coalesce(a.number, 0) > 1 OR EXISTS (SELECT 1 FROM score_entry r"
	"    WHERE r.trainee_id = w.trainee_id AND r.rubric = 'written'"
	"    AND r.retake) AS retake"
	" FROM (SELECT t.id AS trainee_id,"
	"    (SELECT max(id) FROM score_entry x WHERE x.trainee_id = t.id"
	"    AND x.rubric = 'written') AS entry_id,"
	"    (SELECT id FROM attempt y WHERE y.trainee_id = t.id"
	"    AND y.status IN ('submitted','expired') ORDER BY number DESC"
	"    LIMIT 1) AS attempt_id FROM trainee t) w"
	" LEFT JOIN score_entry e ON e.id = w.entry_id"
	" LEFT JOIN attempt a ON a.id = w.attempt_id"
	" WHERE w.entry_id IS NOT NULL OR w.attempt_id IS NOT NULL;",
};

size_t
schema_count(void)
{
	return sizeof schema_migrations / sizeof schema_migrations[0];
}

const char *
schema_migration(size_t i)
{
	return i < schema_count() ? schema_migrations[i] : NULL;
}
