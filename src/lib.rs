//! # jixiao
//!
//! Digitises Chinese public-finance performance self-evaluation forms
//! (绩效自评表: 部门整体支出 and 项目支出) published as PDF or as text dumps,
//! and gives one normalised [`record::Record`] per form.
//!
//! ## Steps
//! Data flows one way through one module per stage:
//! 1. [`input`]: which format a file is; text decoding (UTF-8, UTF-16, GB18030).
//! 2. [`page`] (PDF): glyphs and rulings of each page, fonts decoded to Unicode.
//! 3. [`table`]: grids with row and column spans. Text dumps enter here
//!    ([`table::textdump`]), so PDFs and text share one recogniser.
//! 4. [`form`]: labels to fields, through one dictionary of synonyms.
//! 5. [`normalise`]: numbers, measures, `met`, and the arithmetic checks.
//! 6. [`output`]: JSON Lines and CSV, written atomically.
//!
//! [`lexical`] sits below the stages: CJK classes, numbers as forms print
//! them and the year a title states, used by table, form and normalise.
//!
//! [`pipeline`] chains the stages for one file; [`cli`] runs many files in
//! parallel.
//!
//! ```
//! let text = "部门整体支出绩效自评表（2021年度）\n部门名称\t永和街道\n";
//! let records = jixiao::pipeline::extract_bytes("a.txt", text.as_bytes(), Default::default()).unwrap();
//! assert_eq!(records[0].department.as_deref(), Some("永和街道"));
//! assert_eq!(records[0].year, Some(2021));
//! ```

pub mod cli;
pub mod error;
pub mod form;
pub mod input;
pub mod lexical;
pub mod normalise;
pub mod output;
pub mod page;
pub mod pipeline;
pub mod record;
pub mod table;
