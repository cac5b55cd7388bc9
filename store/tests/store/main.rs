//! The store against real databases: a SQLite file, and MySQL (MariaDB)
//! when one answers (see testkit::TestDb).

mod migrations;
mod records;
