//! Pagination: places the vertical list on pages.
//!
//! Rules, in order: a forced page break starts a new page (unless the page
//! is still empty); space is dropped at the top of a page; a chain of boxes
//! joined by `keep_with_next` moves to the next page as a whole when it does
//! not fit and would fit on an empty page; a chain longer than a page is
//! broken where it must, but a box that keeps with the next (a heading) is
//! never the last on a page; a table's header row is repeated at the top of
//! every page the table continues on.

use super::boxes::{Draw, Laid, Mark, VBox, VItem};
use super::style::{BODY_BOTTOM, BODY_HEIGHT, BODY_TOP};

/// Floating-point slack when comparing heights.
const EPS: f32 = 0.01;

/// A laid-out page: draws in page coordinates (y down from the top edge).
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub(crate) draws: Vec<Draw>,
    /// Outline entries with the y of their box top.
    pub(crate) marks: Vec<(Mark, f32)>,
}

struct Cursor<'a> {
    laid: &'a Laid,
    pages: Vec<Page>,
    page: Page,
    y: f32,
    /// Nothing but a repeated table header on this page yet.
    fresh: bool,
    /// Pending collapsible space and explicit spacer height.
    space_max: f32,
    space_sum: f32,
}

impl Cursor<'_> {
    fn new_page(&mut self) {
        let page = std::mem::take(&mut self.page);
        self.pages.push(page);
        self.y = BODY_TOP;
        self.fresh = true;
        self.space_max = 0.0;
        self.space_sum = 0.0;
    }

    fn pending_space(&self) -> f32 {
        if self.fresh {
            0.0
        } else {
            self.space_max + self.space_sum
        }
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    fn place(&mut self, b: &VBox) {
        self.y += self.pending_space();
        self.space_max = 0.0;
        self.space_sum = 0.0;
        let top = self.y;
        self.page
            .draws
            .extend(b.draws.iter().map(|d| d.shifted(top)));
        if let Some(m) = &b.mark {
            self.page.marks.push((m.clone(), top));
        }
        self.y += b.height;
        self.fresh = false;
    }

    /// Repeats the header of the table `b` belongs to, at the top of a page.
    fn repeat_header(&mut self, b: &VBox) {
        if let Some(t) = b.table.filter(|t| !t.is_header) {
            if self.fresh && self.y == BODY_TOP {
                let header = &self.laid.headers[t.header];
                self.place(header);
                self.fresh = true;
            }
        }
    }
}

/// Height of the chain of boxes starting at `i` that must stay together
/// (boxes joined by `keep_with_next`, with the space between them), and the
/// index of its last box.
fn chain(items: &[VItem], i: usize) -> (f32, usize) {
    let mut h = 0.0;
    let (mut smax, mut ssum) = (0.0f32, 0.0f32);
    let mut last = i;
    for (j, item) in items.iter().enumerate().skip(i) {
        match item {
            VItem::Box(b) => {
                h += smax + ssum + b.height;
                smax = 0.0;
                ssum = 0.0;
                last = j;
                if !b.keep_with_next {
                    break;
                }
            }
            VItem::Space(s) => smax = smax.max(*s),
            VItem::Spacer(s) => ssum += s,
            VItem::PageBreak => break,
        }
    }
    (h, last)
}

/// Height of box `i` plus the space and box after it (the least a
/// keep-with-next box needs below it).
fn with_next(items: &[VItem], i: usize) -> f32 {
    let VItem::Box(b) = &items[i] else { return 0.0 };
    if !b.keep_with_next {
        return b.height;
    }
    let (mut smax, mut ssum) = (0.0f32, 0.0f32);
    for item in &items[i + 1..] {
        match item {
            VItem::Box(n) => return b.height + smax + ssum + n.height,
            VItem::Space(s) => smax = smax.max(*s),
            VItem::Spacer(s) => ssum += s,
            VItem::PageBreak => break,
        }
    }
    b.height
}

pub(crate) fn paginate(laid: &Laid) -> Vec<Page> {
    let items = &laid.items;
    let mut c = Cursor {
        laid,
        pages: Vec::new(),
        page: Page::default(),
        y: BODY_TOP,
        fresh: true,
        space_max: 0.0,
        space_sum: 0.0,
    };
    // Inside a chain too long for any page, boxes up to this index are
    // placed wherever they fit.
    let mut committed_until: Option<usize> = None;
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            VItem::PageBreak => {
                if !c.fresh {
                    c.new_page();
                }
                committed_until = None;
            }
            VItem::Space(s) => {
                if !c.fresh {
                    c.space_max = c.space_max.max(*s);
                }
            }
            VItem::Spacer(s) => {
                if !c.fresh {
                    c.space_sum += s;
                }
            }
            VItem::Box(b) => {
                c.repeat_header(b);
                let space = c.pending_space();
                let room = c.room();
                let header_h = b
                    .table
                    .filter(|t| !t.is_header)
                    .map_or(0.0, |t| laid.headers[t.header].height);
                let fits_alone = space + b.height <= room + EPS;
                let place = if committed_until.is_some_and(|end| i <= end) {
                    // Inside a chain too long for a page: fill the page, but a
                    // sticky box (heading) never goes last.
                    c.fresh
                        || (fits_alone && (!b.sticky || space + with_next(items, i) <= room + EPS))
                } else {
                    committed_until = None;
                    let (chain_h, end) = chain(items, i);
                    if space + chain_h <= room + EPS {
                        true
                    } else if c.fresh {
                        // Longer than a page: break it where it must.
                        committed_until = Some(end);
                        true
                    } else if chain_h <= BODY_HEIGHT - header_h + EPS {
                        false
                    } else {
                        // Longer than a page: start it here if its first box
                        // and the one after fit.
                        committed_until = Some(end);
                        space + with_next(items, i) <= room + EPS
                    }
                };
                if place && (fits_alone || c.fresh) {
                    c.place(b);
                } else {
                    c.new_page();
                    continue; // place the same box on the new page
                }
            }
        }
        i += 1;
    }
    if !c.page.draws.is_empty() || c.pages.is_empty() {
        let page = std::mem::take(&mut c.page);
        c.pages.push(page);
    }
    c.pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boxes::TableRef;

    fn bx(h: f32, keep: bool, tag: &str) -> VItem {
        VItem::Box(VBox {
            height: h,
            sticky: keep && tag.starts_with('h'),
            draws: vec![Draw::HLine {
                x1: 0.0,
                x2: 1.0,
                y: 0.0,
                width: 1.0,
                grey: 0.0,
            }],
            keep_with_next: keep,
            mark: Some(Mark {
                title: tag.to_string(),
                level: 1,
            }),
            table: None,
        })
    }

    fn page_of(pages: &[Page], tag: &str) -> usize {
        pages
            .iter()
            .position(|p| p.marks.iter().any(|(m, _)| m.title == tag))
            .unwrap()
    }

    #[test]
    fn heading_moves_with_its_first_line() {
        let mut items = vec![bx(BODY_HEIGHT - 30.0, false, "filler")];
        items.push(VItem::Space(10.0));
        items.push(bx(20.0, true, "heading"));
        items.push(bx(14.0, false, "line"));
        let pages = paginate(&Laid {
            items,
            headers: vec![],
        });
        assert_eq!(page_of(&pages, "heading"), 1);
        assert_eq!(page_of(&pages, "line"), 1);
        // No space at the top of the new page.
        assert!((pages[1].marks[0].1 - BODY_TOP).abs() < EPS);
    }

    #[test]
    fn over_long_chain_breaks_but_not_after_a_keep_box() {
        let mut items = vec![bx(BODY_HEIGHT - 40.0, false, "filler"), bx(20.0, true, "h")];
        for k in 0..100 {
            items.push(bx(14.0, true, &format!("l{k}")));
            if k == 60 {
                items.push(bx(14.0, true, "h2"));
            }
        }
        items.push(bx(14.0, false, "end"));
        let pages = paginate(&Laid {
            items,
            headers: vec![],
        });
        // The heading cannot keep 100 lines with it; it stays on page 1 with
        // its first line, and no page ends after nothing but a heading.
        assert_eq!(page_of(&pages, "h"), page_of(&pages, "l0"));
        for p in &pages {
            let (last, _) = p.marks.last().unwrap();
            assert!(
                !last.title.starts_with('h'),
                "page ends with {}",
                last.title
            );
        }
    }

    #[test]
    fn table_header_repeats() {
        let header = VBox {
            height: 20.0,
            mark: Some(Mark {
                title: "header".into(),
                level: 1,
            }),
            keep_with_next: true,
            table: Some(TableRef {
                header: 0,
                is_header: true,
            }),
            ..VBox::default()
        };
        let mut items = vec![VItem::Box(header.clone())];
        for _ in 0..200 {
            items.push(VItem::Box(VBox {
                height: 15.0,
                table: Some(TableRef {
                    header: 0,
                    is_header: false,
                }),
                ..VBox::default()
            }));
        }
        let pages = paginate(&Laid {
            items,
            headers: vec![header],
        });
        assert!(pages.len() > 3);
        for p in &pages {
            assert_eq!(p.marks.len(), 1, "header once per page");
            assert!((p.marks[0].1 - BODY_TOP).abs() < EPS);
        }
    }
}
