-- Kamailio's accounting database for db_sqlite (5.6), as the reference config writes it: acc_cdrs with the extra
-- columns TermDash reads. Every extra column is nullable: db_sqlite writes an empty value as NULL, and a NOT NULL
-- column would make the insert fail and lose the CDR. WAL: the feed reads while Kamailio writes.
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS version (
    id INTEGER PRIMARY KEY NOT NULL,
    table_name VARCHAR(32) NOT NULL,
    table_version INTEGER DEFAULT 0 NOT NULL,
    CONSTRAINT version_table_name_idx UNIQUE (table_name)
);
INSERT OR IGNORE INTO version (table_name, table_version) VALUES ('acc', 5), ('missed_calls', 4), ('acc_cdrs', 2);
CREATE TABLE IF NOT EXISTS acc (
    id INTEGER PRIMARY KEY NOT NULL,
    method VARCHAR(16) DEFAULT '', from_tag VARCHAR(128) DEFAULT '', to_tag VARCHAR(128) DEFAULT '',
    callid VARCHAR(255) DEFAULT '', sip_code VARCHAR(3) DEFAULT '', sip_reason VARCHAR(128) DEFAULT '',
    time TIMESTAMP WITHOUT TIME ZONE
);
CREATE TABLE IF NOT EXISTS missed_calls (
    id INTEGER PRIMARY KEY NOT NULL,
    method VARCHAR(16) DEFAULT '', from_tag VARCHAR(128) DEFAULT '', to_tag VARCHAR(128) DEFAULT '',
    callid VARCHAR(255) DEFAULT '', sip_code VARCHAR(3) DEFAULT '', sip_reason VARCHAR(128) DEFAULT '',
    time TIMESTAMP WITHOUT TIME ZONE
);
CREATE TABLE IF NOT EXISTS acc_cdrs (
    id INTEGER PRIMARY KEY NOT NULL,
    start_time TIMESTAMP WITHOUT TIME ZONE DEFAULT '2000-01-01 00:00:00',
    end_time TIMESTAMP WITHOUT TIME ZONE DEFAULT '2000-01-01 00:00:00',
    duration REAL DEFAULT 0,
    callid VARCHAR(255),
    customer VARCHAR(64),
    carrier VARCHAR(64),
    src VARCHAR(64),
    dst VARCHAR(64),
    sip_code VARCHAR(3),
    dtmf VARCHAR(8),
    invite_ts VARCHAR(24),
    answer_ts VARCHAR(24),
    end_ts VARCHAR(24)
);
