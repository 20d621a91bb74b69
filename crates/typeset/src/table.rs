//! Table layout: column widths from content, cell wrapping, and rows as
//! unbreakable boxes (split only when taller than a page).

use super::blocks::{line_height, Layout, BASELINE};
use super::boxes::{draw_line, Draw, TableRef, VBox, VItem};
use super::error::PdfError;
use super::fonts::Face;
use super::model::{Align, CellBlock, ColumnWidth, Span, Table};
use super::style::*;
use super::wrap::{measure, Run};

/// A cell's content, prepared: (is bullet, runs) per paragraph.
type Prepared = Vec<(bool, Vec<Run>)>;

/// A set line of a cell, relative to the cell's content top.
struct CellLine {
    /// Space above this line (paragraph gap).
    gap: f32,
    height: f32,
    draws: Vec<Draw>,
}

/// Narrowest a column may get (padding plus about two letters), unless
/// there are so many columns that they cannot all have that much.
const MIN_COLUMN: f32 = 2.0 * CELL_PAD_X + 2.0 * TABLE_SIZE;

/// Horizontal cell padding: less in very narrow columns.
fn pad_x(column_width: f32) -> f32 {
    CELL_PAD_X.min(column_width / 8.0)
}

pub(crate) fn layout_table(
    l: &mut Layout<'_>,
    t: &Table,
    index: usize,
    out: &mut Vec<VItem>,
) -> Result<(), PdfError> {
    let ncols = t.columns.len();
    if ncols == 0 {
        return Err(PdfError::EmptyTable { table: index });
    }
    for (r, row) in t.rows.iter().enumerate() {
        if row.cells.len() > ncols {
            return Err(PdfError::TableShape {
                table: index,
                row: r,
                cells: row.cells.len(),
                columns: ncols,
            });
        }
    }

    // Prepare all text once.
    let has_header = t.columns.iter().any(|c| !c.header.trim().is_empty());
    let header: Vec<Prepared> = t
        .columns
        .iter()
        .map(|c| {
            let runs = l.runs(&[Span::bold(c.header.clone())], |f| f);
            vec![(false, runs)]
        })
        .collect();
    let rows: Vec<Vec<Prepared>> = t
        .rows
        .iter()
        .map(|row| {
            let bold = row.emphasis.bold;
            (0..ncols)
                .map(|c| match row.cells.get(c) {
                    None => Vec::new(),
                    Some(cell) => cell
                        .content
                        .iter()
                        .map(|b| {
                            let (bullet, spans) = match b {
                                CellBlock::Paragraph(s) => (false, s),
                                CellBlock::Bullet(s) => (true, s),
                            };
                            let runs = l.runs(spans, |f| if bold { f.bolded() } else { f });
                            (bullet, runs)
                        })
                        .collect(),
                })
                .collect()
        })
        .collect();

    // Column widths.
    let mut mins = vec![MIN_COLUMN; ncols];
    let mut maxs = vec![MIN_COLUMN; ncols];
    let all_rows = std::iter::once(&header)
        .filter(|_| has_header)
        .chain(rows.iter());
    for row in all_rows {
        for (c, cell) in row.iter().enumerate() {
            for (bullet, runs) in cell {
                let indent = if *bullet { CELL_BULLET_INDENT } else { 0.0 };
                let (mn, mx) = measure(l.fonts, runs, TABLE_SIZE);
                mins[c] = mins[c].max(mn + indent + 2.0 * CELL_PAD_X);
                maxs[c] = maxs[c].max(mx + indent + 2.0 * CELL_PAD_X);
            }
        }
    }
    let hints: Vec<ColumnWidth> = t.columns.iter().map(|c| c.width).collect();
    let widths = column_widths(&hints, &mins, &maxs, TEXT_WIDTH);
    let mut xs = Vec::with_capacity(ncols + 1);
    let mut x = TEXT_LEFT;
    xs.push(x);
    for w in &widths {
        x += w;
        xs.push(x);
    }
    let aligns: Vec<Align> = t.columns.iter().map(|c| c.align).collect();
    let geometry = Geometry { xs, aligns };

    // Header row.
    let header_ref = if has_header {
        let cells: Vec<Vec<CellLine>> = header
            .iter()
            .enumerate()
            .map(|(c, cell)| set_cell(l, cell, &geometry, c))
            .collect();
        let refs: Vec<&[CellLine]> = cells.iter().map(Vec::as_slice).collect();
        let mut hbox = row_box(&refs, &geometry, false);
        let id = l.laid.headers.len();
        hbox.keep_with_next = true;
        hbox.sticky = true;
        hbox.table = Some(TableRef {
            header: id,
            is_header: true,
        });
        l.laid.headers.push(hbox.clone());
        out.push(VItem::Box(hbox.clone()));
        Some((id, hbox.height))
    } else {
        None
    };
    let header_h = header_ref.map_or(0.0, |h| h.1);
    let max_row = BODY_HEIGHT - header_h;

    for (r, (row, model_row)) in rows.iter().zip(&t.rows).enumerate() {
        let cells: Vec<Vec<CellLine>> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| set_cell(l, cell, &geometry, c))
            .collect();
        let shaded = model_row.emphasis.shaded;
        let mut fragments = split_row(&cells, max_row);
        if fragments.len() > 1 {
            l.notes.row_split(index, r);
        }
        for frag in fragments.drain(..) {
            let mut b = row_box(&frag, &geometry, shaded);
            b.table = header_ref.map(|(id, _)| TableRef {
                header: id,
                is_header: false,
            });
            out.push(VItem::Box(b));
        }
    }
    Ok(())
}

struct Geometry {
    /// Column edges, `ncols + 1` of them.
    xs: Vec<f32>,
    aligns: Vec<Align>,
}

/// Sets the paragraphs of one cell into lines.
fn set_cell(l: &mut Layout<'_>, cell: &Prepared, g: &Geometry, col: usize) -> Vec<CellLine> {
    let pad = pad_x(g.xs[col + 1] - g.xs[col]);
    let left = g.xs[col] + pad;
    let inner = g.xs[col + 1] - g.xs[col] - 2.0 * pad;
    let lh = line_height(TABLE_SIZE);
    let mut out = Vec::new();
    for (p, (bullet, runs)) in cell.iter().enumerate() {
        let indent = if *bullet { CELL_BULLET_INDENT } else { 0.0 };
        let lines = l.wrap(runs, TABLE_SIZE, (inner - indent).max(1.0));
        for (i, line) in lines.iter().enumerate() {
            let mut draws = Vec::new();
            let baseline = TABLE_SIZE * BASELINE;
            if *bullet && i == 0 {
                draws.push(Draw::Text {
                    x: left,
                    y: baseline,
                    face: Face::Regular,
                    size: TABLE_SIZE,
                    text: BULLET.to_string(),
                    grey: BLACK,
                });
            }
            let free = (inner - indent - line.width).max(0.0);
            let dx = match (g.aligns[col], bullet) {
                (_, true) | (Align::Left, _) => 0.0,
                (Align::Center, false) => free / 2.0,
                (Align::Right, false) => free,
            };
            draw_line(
                line,
                left + indent + dx,
                baseline,
                TABLE_SIZE,
                BLACK,
                &mut draws,
            );
            out.push(CellLine {
                gap: match (i, p) {
                    (0, 0) => 0.0,
                    // Consecutive bullet items sit closer than paragraphs.
                    (0, _) if *bullet && cell[p - 1].0 => CELL_BULLET_GAP,
                    (0, _) => CELL_PARA_GAP,
                    _ => 0.0,
                },
                height: lh,
                draws,
            });
        }
    }
    out
}

/// Splits a row into fragments whose content fits `max_height` (with padding).
/// A row that fits stays whole.
fn split_row(cells: &[Vec<CellLine>], max_height: f32) -> Vec<Vec<&[CellLine]>> {
    let limit = (max_height - CELL_PAD_TOP - CELL_PAD_BOTTOM).max(line_height(TABLE_SIZE));
    let total = |ls: &[CellLine]| ls.iter().map(|l| l.gap + l.height).sum::<f32>();
    if cells.iter().all(|c| total(c) <= limit) {
        return vec![cells.iter().map(Vec::as_slice).collect()];
    }
    let mut starts = vec![0usize; cells.len()];
    let mut frags = Vec::new();
    while cells.iter().zip(&starts).any(|(c, &s)| s < c.len()) {
        let mut frag = Vec::with_capacity(cells.len());
        for (c, start) in cells.iter().zip(starts.iter_mut()) {
            let mut h = 0.0;
            let mut end = *start;
            while end < c.len() {
                let gap = if end == *start { 0.0 } else { c[end].gap };
                if end > *start && h + gap + c[end].height > limit {
                    break;
                }
                h += gap + c[end].height;
                end += 1;
            }
            frag.push(&c[*start..end]);
            *start = end;
        }
        frags.push(frag);
    }
    frags
}

/// One row (or row fragment) as a box: shading, text, then the rules around
/// every cell.
fn row_box(cells: &[&[CellLine]], g: &Geometry, shaded: bool) -> VBox {
    let lh = line_height(TABLE_SIZE);
    let content: f32 = cells
        .iter()
        .map(|ls| {
            ls.iter()
                .enumerate()
                .map(|(i, l)| if i == 0 { l.height } else { l.gap + l.height })
                .sum::<f32>()
        })
        .fold(lh, f32::max);
    let height = CELL_PAD_TOP + content + CELL_PAD_BOTTOM;
    let (left, right) = (g.xs[0], g.xs[g.xs.len() - 1]);
    let mut draws = Vec::new();
    if shaded {
        draws.push(Draw::Fill {
            x: left,
            y: 0.0,
            w: right - left,
            h: height,
            grey: SHADE_GREY,
        });
    }
    for ls in cells {
        let mut y = CELL_PAD_TOP;
        for (i, line) in ls.iter().enumerate() {
            if i > 0 {
                y += line.gap;
            }
            draws.extend(line.draws.iter().map(|d| d.shifted(y)));
            y += line.height;
        }
    }
    let rule = |y| Draw::HLine {
        x1: left,
        x2: right,
        y,
        width: TABLE_RULE_WIDTH,
        grey: TABLE_RULE_GREY,
    };
    draws.push(rule(0.0));
    draws.push(rule(height));
    for &x in &g.xs {
        draws.push(Draw::VLine {
            x,
            y1: 0.0,
            y2: height,
            width: TABLE_RULE_WIDTH,
            grey: TABLE_RULE_GREY,
        });
    }
    VBox {
        height,
        draws,
        ..VBox::default()
    }
}

/// Column widths within `avail` points.
///
/// Fixed and fractional columns get their width; automatic columns share the
/// rest: each gets its full text width (`max`) and the surplus in proportion
/// to it when everything fits; otherwise short columns keep their full text
/// and the widest ones are capped at a common width (never below their
/// longest word, `min`); and when even the longest words do not fit, the
/// narrow columns keep theirs and the wide ones share the rest equally
/// (their words are then broken).
pub(crate) fn column_widths(
    hints: &[ColumnWidth],
    mins: &[f32],
    maxs: &[f32],
    avail: f32,
) -> Vec<f32> {
    let n = hints.len();
    let floor = MIN_COLUMN.min(avail / n.max(1) as f32);
    let mut widths = vec![0.0; n];
    let autos: Vec<usize> = (0..n).filter(|&i| hints[i] == ColumnWidth::Auto).collect();
    let floor_for_autos = autos.len() as f32 * floor;
    let mut fixed_total = 0.0;
    for i in 0..n {
        let w = match hints[i] {
            ColumnWidth::Auto => continue,
            ColumnWidth::Fixed(mm_) => mm(mm_),
            ColumnWidth::Fraction(f) => f * avail,
        };
        let w = if w.is_finite() {
            w.clamp(floor, avail)
        } else {
            floor
        };
        widths[i] = w;
        fixed_total += w;
    }
    let room_for_fixed = (avail - floor_for_autos).max(0.0);
    if fixed_total > room_for_fixed && fixed_total > 0.0 {
        let k = room_for_fixed / fixed_total;
        for i in 0..n {
            if hints[i] != ColumnWidth::Auto {
                widths[i] *= k;
            }
        }
        fixed_total = room_for_fixed;
    }
    if autos.is_empty() {
        return widths;
    }
    let rest = (avail - fixed_total).max(floor_for_autos);
    let sum_min: f32 = autos.iter().map(|&i| mins[i]).sum();
    let sum_max: f32 = autos.iter().map(|&i| maxs[i].max(mins[i])).sum();
    if sum_max <= rest {
        for &i in &autos {
            let mx = maxs[i].max(mins[i]);
            widths[i] = mx + (rest - sum_max) * mx / sum_max;
        }
    } else if sum_min <= rest {
        // Cap the widest columns at a common width C, chosen so that the
        // columns fill the room exactly: short columns keep their full text,
        // only the long ones wrap.
        let width_at = |cap: f32, i: usize| maxs[i].min(cap).max(mins[i]);
        let total = |cap: f32| autos.iter().map(|&i| width_at(cap, i)).sum::<f32>();
        let (mut lo, mut hi) = (0.0f32, autos.iter().map(|&i| maxs[i]).fold(0.0, f32::max));
        for _ in 0..60 {
            let mid = (lo + hi) / 2.0;
            if total(mid) <= rest {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        for &i in &autos {
            widths[i] = width_at(lo, i);
        }
        // Rounding residue to the widest column.
        let residue = rest - total(lo);
        if let Some(&widest) = autos
            .iter()
            .max_by(|&&a, &&b| widths[a].total_cmp(&widths[b]).then(b.cmp(&a)))
        {
            widths[widest] += residue;
        }
    } else {
        // Water-fill: columns whose longest word fits a fair share keep it.
        let mut open: Vec<usize> = autos.clone();
        let mut left = rest;
        loop {
            let share = left / open.len() as f32;
            let (small, big): (Vec<usize>, Vec<usize>) =
                open.iter().partition(|&&i| mins[i] <= share);
            if small.is_empty() {
                for &i in &big {
                    widths[i] = share;
                }
                break;
            }
            for &i in &small {
                widths[i] = mins[i];
                left -= mins[i];
            }
            if big.is_empty() {
                // Everything fit after all; give the remainder proportionally.
                let total: f32 = small.iter().map(|&i| mins[i]).sum();
                for &i in &small {
                    widths[i] += left * mins[i] / total;
                }
                break;
            }
            open = big;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fill_the_text_width_and_respect_words() {
        let hints = [ColumnWidth::Auto; 4];
        let mins = [30.0, 80.0, 60.0, 60.0];
        let maxs = [30.0, 600.0, 60.0, 70.0];
        let w = column_widths(&hints, &mins, &maxs, 450.0);
        assert!((w.iter().sum::<f32>() - 450.0).abs() < 0.01, "{w:?}");
        for i in 0..4 {
            assert!(w[i] >= mins[i] - 0.01, "{w:?}");
        }
        // Short columns are not wrapped when the long one can give way.
        assert!((w[0] - 30.0).abs() < 0.01 && w[2] >= 60.0 - 0.01, "{w:?}");
    }

    #[test]
    fn the_widest_column_gives_way_first() {
        let hints = [ColumnWidth::Auto; 4];
        // Nr | long text | "Norsk helsenett SF" | date
        let mins = [30.0, 90.0, 60.0, 55.0];
        let maxs = [30.0, 400.0, 95.0, 55.0];
        let w = column_widths(&hints, &mins, &maxs, 450.0);
        assert!((w.iter().sum::<f32>() - 450.0).abs() < 0.01, "{w:?}");
        assert!((w[2] - 95.0).abs() < 0.01, "short column wraps: {w:?}");
        assert!((w[1] - 270.0).abs() < 0.01, "{w:?}");
    }

    #[test]
    fn huge_words_do_not_starve_the_other_columns() {
        let hints = [ColumnWidth::Auto; 3];
        let mins = [40.0, 2000.0, 50.0];
        let maxs = [40.0, 2000.0, 50.0];
        let w = column_widths(&hints, &mins, &maxs, 450.0);
        assert_eq!(&w[..1], &[40.0]);
        assert_eq!(w[2], 50.0);
        assert!((w[1] - 360.0).abs() < 0.01, "{w:?}");
    }

    #[test]
    fn fixed_columns_are_clamped() {
        let hints = [ColumnWidth::Fixed(500.0), ColumnWidth::Auto];
        let w = column_widths(&hints, &[10.0, 10.0], &[10.0, 10.0], 450.0);
        assert!((w.iter().sum::<f32>() - 450.0).abs() < 0.01, "{w:?}");
        assert!(w[1] >= MIN_COLUMN - 0.01);
    }
}
