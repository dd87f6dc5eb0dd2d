//! Stage 3, tables: grids with spans. Text dumps enter the pipeline here
//! ([`textdump`]); PDF pages are turned into the same [`Grid`]s.

mod grid;
pub mod textdump;

pub use grid::{Block, Cell, Grid, Slot};
