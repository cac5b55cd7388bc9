use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize, Serializer};

/// One processed text: what the user sent, what came out, and when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "records")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The user's own id for the text.
    pub tag: String,
    pub operation: Operation,
    #[sea_orm(column_type = "Text")]
    pub original: String,
    #[sea_orm(column_type = "Text")]
    pub processed: String,
    /// The language the text was translated from (translate only).
    pub source_language: Option<String>,
    /// The language it was translated into (translate only).
    pub target_language: Option<String>,
    /// UTC, to the microsecond.
    #[serde(serialize_with = "rfc3339_micros")]
    pub created_at: DateTime<Utc>,
    /// A digest of a translation request (text, source, target), so a
    /// repeat can reuse this record's translation. Internal.
    #[serde(skip)]
    pub cache_key: Option<String>,
    /// The client's `Idempotency-Key`, unique when given. Internal.
    #[serde(skip)]
    pub idempotency_key: Option<String>,
    /// A digest of the request the key was first used with. Internal.
    #[serde(skip)]
    pub request_digest: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// What was done to the text.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "lowercase")]
pub enum Operation {
    #[sea_orm(string_value = "spell")]
    Spell,
    #[sea_orm(string_value = "space")]
    Space,
    #[sea_orm(string_value = "translate")]
    Translate,
}

impl Operation {
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Spell => "spell",
            Operation::Space => "space",
            Operation::Translate => "translate",
        }
    }
}

/// Always six fractional digits and a `Z`, so clients can compare the
/// strings as well as parse them.
fn rfc3339_micros<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&at.to_rfc3339_opts(SecondsFormat::Micros, true))
}
