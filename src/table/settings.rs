//! Every tolerance of the table stage in one place.

/// Tolerances and switches of the table stage. Distances are PDF points unless a
/// field says "× size" (then it is a multiple of the glyph's font size).
#[derive(Debug, Clone, PartialEq)]
pub struct TableSettings {
    /// Parallel rulings whose positions differ by at most this are snapped onto one
    /// line (double borders, rectangles drawn as two thin fills).
    pub snap_tolerance: f32,
    /// Collinear segments separated by a gap of at most this are joined into one edge.
    pub join_tolerance: f32,
    /// Edges shorter than this (after joining) are ignored.
    pub min_edge_length: f32,
    /// A horizontal and a vertical edge intersect when each reaches the other's line
    /// within this distance (absorbs overshoot / undershoot at corners).
    pub intersection_tolerance: f32,
    /// Edge positions closer than this are one column / row boundary.
    pub boundary_tolerance: f32,
    /// Fraction of a slot's side an edge must cover to count as a border there.
    pub edge_coverage: f32,
    /// A connected group of rulings needs at least this many cells to be a table.
    pub min_cells: usize,
    /// When horizontal edges reach this far beyond the outermost vertical edge (or
    /// vertical edges beyond the outermost horizontal edge), the missing outer
    /// border is restored there.
    pub outer_extension_min: f32,
    /// Upper bound on rulings per page considered (hostile input guard).
    pub max_rulings: usize,
    /// Glyphs whose centre lies more than this outside the page box are invisible
    /// (clipped) and dropped.
    pub offpage_margin: f32,
    /// Upper bound on glyphs per page considered (hostile input guard).
    pub max_glyphs: usize,

    /// Glyphs are on one line when their baselines differ by at most this × size.
    pub line_tolerance: f32,
    /// Inside a line, a gap larger than this × size between two non-CJK glyphs is a space.
    pub space_gap: f32,
    /// Inside a line, a gap larger than this × size is a space whatever the scripts.
    pub column_gap: f32,
    /// Near ASCII punctuation (`,` `.` `:` `;` `%`) gaps below this × size never make
    /// a space (tiny punctuation boxes).
    pub punctuation_gap: f32,
    /// Two glyphs with the same text whose origins differ by less than this × size on
    /// one line are one glyph drawn twice (fake bold).
    pub duplicate_tolerance: f32,
    /// In a cell of short space-separated tokens (a value list), keep a space at a
    /// soft wrap before a digit/Latin letter or after `%` (the producer dropped it).
    pub deliberate_break_space: bool,
    /// Mark hard line breaks inside a cell (`HARD_BREAK`): a line ended short where
    /// the next line's first unit would have fitted, a paragraph gap, an item start.
    pub hard_breaks: bool,
    /// A cell whose space-separated tokens average at most this many characters is
    /// a value list: a break next to a digit/Latin letter/`%` there keeps a space.
    pub list_token_len: usize,
    /// Punctuation (and `%`) that may hang past a cell's right border. Any other
    /// glyph straddling a vertical border (text overflowing its cell) also goes to
    /// the cell on the left when it follows that cell's text on the same line.
    pub hanging_punctuation: String,
    /// How far (× size) past a cell's right border a hanging punctuation glyph may start.
    pub hanging_allowance: f32,
    /// A hanging glyph must follow its left neighbour in the cell within this × size.
    pub hanging_adjacent_gap: f32,

    /// Lines matching one of these anywhere on the page are page furniture and
    /// dropped. Whitespace is ignored; `#` matches one or more digits (ASCII,
    /// full-width or Chinese numerals); matching is case-insensitive.
    pub furniture_patterns: Vec<String>,
    /// Patterns that are furniture only inside the top/bottom margin band.
    pub margin_furniture_patterns: Vec<String>,
    /// Height of the top and bottom margin bands as a fraction of page height.
    pub furniture_margin: f32,

    /// Join tables continuing over consecutive pages.
    pub join_pages: bool,
    /// The earlier table must end below this fraction of its page's height.
    pub continuation_bottom_frac: f32,
    /// The later table must start above this fraction of its page's height.
    pub continuation_top_frac: f32,
    /// Outer borders and column boundaries of the two parts must agree within this.
    pub column_match_tolerance: f32,
    /// At most this many leading rows of a continuation are checked for a repeated header.
    pub max_header_rows: usize,

    /// Try the borderless (text alignment) fallback on text outside ruled tables.
    pub borderless: bool,
    /// Minimum number of multi-column lines for a borderless table.
    pub borderless_min_rows: usize,
    /// Minimum number of columns for a borderless table.
    pub borderless_min_cols: usize,
    /// Gap (× size) that separates two columns' text on one line.
    pub borderless_gap: f32,
    /// Largest vertical distance (× size) between consecutive lines of one borderless table.
    pub borderless_line_spacing: f32,
    /// Highest quality figure a borderless table may get.
    pub borderless_quality: f32,
}

impl Default for TableSettings {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        TableSettings {
            snap_tolerance: 3.0,
            join_tolerance: 3.0,
            min_edge_length: 3.0,
            intersection_tolerance: 3.0,
            boundary_tolerance: 3.0,
            edge_coverage: 0.5,
            min_cells: 2,
            outer_extension_min: 6.0,
            max_rulings: 20_000,
            offpage_margin: 1.0,
            max_glyphs: 200_000,
            line_tolerance: 0.3,
            space_gap: 0.3,
            column_gap: 2.0,
            punctuation_gap: 0.6,
            duplicate_tolerance: 0.15,
            deliberate_break_space: true,
            hard_breaks: true,
            list_token_len: 6,
            hanging_punctuation: "、，。,.;；：:！!？?）)」』”’》〉%％".to_string(),
            hanging_allowance: 0.8,
            hanging_adjacent_gap: 0.35,
            furniture_patterns: s(&[
                "-#-",
                "—#—",
                "－#－",
                "–#–",
                "第#页",
                "共#页",
                "第#页共#页",
                "第#页,共#页",
                "第#页，共#页",
                "第#页/共#页",
                "page#",
                "page#of#",
                "#/#页",
                // continuation markers between the parts of a split table
                "续表",
                "(续表)",
                "（续表）",
                "续上表",
                "(续上表)",
                "（续上表）",
                "接上表",
                "(续)",
                "（续）",
            ]),
            margin_furniture_patterns: s(&["#", "#/#"]),
            furniture_margin: 0.075,
            join_pages: true,
            continuation_bottom_frac: 0.5,
            continuation_top_frac: 0.35,
            column_match_tolerance: 4.0,
            max_header_rows: 3,
            borderless: true,
            borderless_min_rows: 3,
            borderless_min_cols: 2,
            borderless_gap: 1.5,
            borderless_line_spacing: 2.5,
            borderless_quality: 0.5,
        }
    }
}
