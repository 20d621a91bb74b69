//! Pages of other PDF files (attachments) merged into a compound document.
//!
//! A file is checked once, up front ([`ExternalPdf::parse`]): it must be a
//! PDF, not encrypted, and every page must have a usable box and readable
//! content. Merging can then no longer fail on it. Each page becomes a form
//! XObject (its content and resources copied over, nothing else of the file)
//! drawn on an A4 page of the compound document, scaled to fit above the
//! footer zone so that the stamped page number never covers its content.
//! Link annotations to web addresses are carried over; other annotations,
//! forms, the file's own outline and metadata are not.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::fmt;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

use super::error::PdfError;
use super::style::{mm, PAGE_HEIGHT, PAGE_WIDTH};

/// Why a file cannot be merged into a compound document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternalPdfError {
    /// The file is not a PDF (no `%PDF-` header).
    NotPdf,
    /// The PDF is encrypted (password or permission protected).
    Encrypted,
    /// The PDF cannot be read: damaged, or built in a way the engine does not take over.
    Unreadable(String),
}

impl fmt::Display for ExternalPdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExternalPdfError::NotPdf => write!(f, "not a PDF file"),
            ExternalPdfError::Encrypted => write!(f, "the PDF is encrypted"),
            ExternalPdfError::Unreadable(why) => write!(f, "the PDF cannot be read: {why}"),
        }
    }
}

impl std::error::Error for ExternalPdfError {}

/// At most this many pages are taken from one file.
const MAX_PAGES: usize = 5_000;
/// At most this many bytes of decoded content per page.
const MAX_PAGE_CONTENT: usize = 64 * 1024 * 1024;
/// How far up the page tree inherited attributes are looked for.
const MAX_TREE_DEPTH: usize = 64;

/// Where a merged page goes: left, right and top margins and the footer zone
/// kept free at the bottom (the footer baseline is 12 mm above the edge).
const PLACE_SIDE: f32 = mm(3.0);
const PLACE_TOP: f32 = mm(3.0);
const PLACE_BOTTOM: f32 = mm(17.0);

/// A PDF file checked and ready to be merged.
#[derive(Debug, Clone)]
pub struct ExternalPdf {
    doc: lopdf::Document,
    pages: Vec<ExtPage>,
}

#[derive(Debug, Clone)]
struct ExtPage {
    /// The visible area (crop box within media box) in the page's own space.
    bbox: [f32; 4],
    /// Clockwise display rotation: 0, 90, 180 or 270.
    rotate: i64,
    /// The page's resources, with references into the source file.
    resources: Object,
    /// One content stream kept as it is (its id), or several decoded and joined.
    content: PageContent,
    /// The transparency group of the page, if any.
    group: Option<Object>,
    /// Web links: rectangle in page space and the address.
    links: Vec<([f32; 4], Vec<u8>)>,
}

#[derive(Debug, Clone)]
enum PageContent {
    Stream(ObjectId),
    Joined(Vec<u8>),
    Empty,
}

impl ExternalPdf {
    /// Checks `bytes` and prepares its pages for merging. Never panics on bad input.
    pub fn parse(bytes: &[u8]) -> Result<ExternalPdf, ExternalPdfError> {
        if !has_pdf_header(bytes) {
            return Err(ExternalPdfError::NotPdf);
        }
        // The PDF reader is not ours; a file that trips it is unreadable, not a crash.
        match std::panic::catch_unwind(|| parse_pdf(bytes)) {
            Ok(r) => r,
            Err(_) => Err(ExternalPdfError::Unreadable(
                "the PDF reader failed on the file".into(),
            )),
        }
    }

    /// Number of pages.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Width and height of the compound document's page that shows page `i`:
    /// A4, landscape for pages that are wider than tall as displayed.
    pub(crate) fn target_size(&self, i: usize) -> (f32, f32) {
        if self.pages[i].landscape() {
            (PAGE_HEIGHT, PAGE_WIDTH)
        } else {
            (PAGE_WIDTH, PAGE_HEIGHT)
        }
    }

    /// Draws the file's pages on `targets` (pages of `dst` that already carry
    /// the footer, A4 portrait), one page each, in order.
    pub(crate) fn place(
        &self,
        dst: &mut lopdf::Document,
        targets: &[ObjectId],
        name_prefix: &str,
    ) -> Result<(), PdfError> {
        let mut im = Importer {
            src: &self.doc,
            map: BTreeMap::new(),
            queue: VecDeque::new(),
        };
        for (i, (page, &target)) in self.pages.iter().zip(targets).enumerate() {
            let form = page.form(&mut im, dst);
            let form_id = dst.add_object(form);
            let (w, h) = self.target_size(i);
            let m = page.placement(w, h);
            let name = format!("{name_prefix}{}", i + 1);

            // The page first, then the footer the engine set on the target page.
            let draw = format!("q {} cm /{name} Do Q\n", matrix_text(&m)).into_bytes();
            let footer_streams = dst.get_page_contents(target);
            let mut contents = vec![Object::Reference(
                dst.add_object(Stream::new(Dictionary::new(), draw)),
            )];
            // The footer was set for a portrait page: centre it on a landscape one.
            let shift = (w - PAGE_WIDTH) / 2.0;
            if shift.abs() > 0.01 {
                contents.push(Object::Reference(dst.add_object(Stream::new(
                    Dictionary::new(),
                    format!("q 1 0 0 1 {} 0 cm\n", num(shift)).into_bytes(),
                ))));
            }
            contents.extend(footer_streams.into_iter().map(Object::Reference));
            if shift.abs() > 0.01 {
                contents.push(Object::Reference(
                    dst.add_object(Stream::new(Dictionary::new(), b"\nQ\n".to_vec())),
                ));
            }

            // The footer's resources (its font) plus the page as an XObject. printpdf gives
            // each page its own resource dictionary: the old one goes.
            let mut resources = match dst.get_dictionary(target).map(|p| p.get(b"Resources")) {
                Ok(Ok(Object::Reference(id))) => {
                    let id = *id;
                    let d = dst.get_dictionary(id).cloned().unwrap_or_default();
                    if !shared_resources(dst, id, target) {
                        dst.objects.remove(&id);
                    }
                    d
                }
                Ok(Ok(Object::Dictionary(d))) => d.clone(),
                _ => Dictionary::new(),
            };
            resources.set(
                "XObject",
                Dictionary::from_iter(vec![(name.as_str(), Object::Reference(form_id))]),
            );
            let resources_id = dst.add_object(resources);

            let annots: Vec<Object> = page
                .links
                .iter()
                .map(|(rect, uri)| {
                    let r = transform_rect(&m, rect);
                    Object::Dictionary(Dictionary::from_iter(vec![
                        ("Type", Object::Name(b"Annot".to_vec())),
                        ("Subtype", Object::Name(b"Link".to_vec())),
                        (
                            "Rect",
                            Object::Array(r.iter().map(|v| Object::Real(round2(*v))).collect()),
                        ),
                        (
                            "Border",
                            Object::Array(vec![
                                Object::Integer(0),
                                Object::Integer(0),
                                Object::Integer(0),
                            ]),
                        ),
                        (
                            "A",
                            Object::Dictionary(Dictionary::from_iter(vec![
                                ("S", Object::Name(b"URI".to_vec())),
                                ("URI", Object::String(uri.clone(), StringFormat::Literal)),
                            ])),
                        ),
                    ]))
                })
                .collect();
            let boxed = Object::Array(vec![
                Object::Integer(0),
                Object::Integer(0),
                Object::Real(round2(w)),
                Object::Real(round2(h)),
            ]);
            let target_dict = dst
                .get_dictionary_mut(target)
                .map_err(|e| PdfError::Serialize(format!("merged page: {e}")))?;
            target_dict.set("Contents", Object::Array(contents));
            target_dict.set("Resources", Object::Reference(resources_id));
            target_dict.set("MediaBox", boxed.clone());
            target_dict.set("CropBox", boxed.clone());
            target_dict.set("TrimBox", boxed);
            target_dict.set("Annots", Object::Array(annots));
        }
        im.drain(dst);
        Ok(())
    }
}

/// Whether a page other than `page` uses the resource dictionary `id`.
fn shared_resources(doc: &lopdf::Document, id: ObjectId, page: ObjectId) -> bool {
    doc.page_iter().any(|p| {
        p != page
            && doc
                .get_dictionary(p)
                .and_then(|d| d.get(b"Resources"))
                .and_then(Object::as_reference)
                .is_ok_and(|r| r == id)
    })
}

/// `%PDF-` within the first 1024 bytes, as readers accept it.
pub(crate) fn has_pdf_header(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

fn unreadable(why: impl Into<String>) -> ExternalPdfError {
    ExternalPdfError::Unreadable(why.into())
}

fn parse_pdf(bytes: &[u8]) -> Result<ExternalPdf, ExternalPdfError> {
    let declares_encryption = bytes.windows(8).any(|w| w == b"/Encrypt");
    let doc = match lopdf::Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(_) if declares_encryption => return Err(ExternalPdfError::Encrypted),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    if doc.trailer.get(b"Encrypt").is_ok() || doc.is_encrypted() || doc.was_encrypted() {
        return Err(ExternalPdfError::Encrypted);
    }
    let ids: Vec<ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if ids.is_empty() {
        return Err(unreadable("the file has no pages"));
    }
    if ids.len() > MAX_PAGES {
        return Err(unreadable(format!("more than {MAX_PAGES} pages")));
    }
    let pages = ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            read_page(&doc, id).map_err(|why| unreadable(format!("page {}: {why}", i + 1)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ExternalPdf { doc, pages })
}

/// An attribute of a page, inherited from the page tree where the page lacks it.
fn inherited<'a>(doc: &'a lopdf::Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    let mut seen = HashSet::new();
    for _ in 0..MAX_TREE_DEPTH {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        if !seen.insert(parent) {
            return None;
        }
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn deref<'a>(doc: &'a lopdf::Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

/// A rectangle `[llx lly urx ury]`, normalised.
fn rect(doc: &lopdf::Document, o: &Object) -> Option<[f32; 4]> {
    let a = deref(doc, o)?.as_array().ok()?;
    if a.len() != 4 {
        return None;
    }
    let mut v = [0.0f32; 4];
    for (slot, o) in v.iter_mut().zip(a) {
        *slot = deref(doc, o)?.as_float().ok()?;
        if !slot.is_finite() {
            return None;
        }
    }
    Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ])
}

fn read_page(doc: &lopdf::Document, id: ObjectId) -> Result<ExtPage, String> {
    let page = doc.get_dictionary(id).map_err(|e| e.to_string())?;
    let media = inherited(doc, page, b"MediaBox")
        .and_then(|o| rect(doc, o))
        .unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let bbox = match inherited(doc, page, b"CropBox").and_then(|o| rect(doc, o)) {
        Some(c) => {
            let i = [
                c[0].max(media[0]),
                c[1].max(media[1]),
                c[2].min(media[2]),
                c[3].min(media[3]),
            ];
            if i[2] - i[0] >= 1.0 && i[3] - i[1] >= 1.0 {
                i
            } else {
                media
            }
        }
        None => media,
    };
    if bbox[2] - bbox[0] < 1.0
        || bbox[3] - bbox[1] < 1.0
        || bbox[2] - bbox[0] > 1.0e5
        || bbox[3] - bbox[1] > 1.0e5
    {
        return Err("the page has no usable size".into());
    }
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_i64().ok())
        .map(|r| r.rem_euclid(360))
        .filter(|r| r % 90 == 0)
        .unwrap_or(0);
    let resources = match inherited(doc, page, b"Resources") {
        Some(o) => match deref(doc, o) {
            Some(Object::Dictionary(_)) => o.clone(),
            _ => Object::Dictionary(Dictionary::new()),
        },
        None => Object::Dictionary(Dictionary::new()),
    };

    // Every content stream must decode, within a bound, or the page is not taken.
    let streams = doc.get_page_contents(id);
    let mut joined = Vec::new();
    for &sid in &streams {
        let s = doc
            .get_object(sid)
            .and_then(Object::as_stream)
            .map_err(|_| "a content stream is missing".to_string())?;
        let data = s
            .decompressed_content_with_limit(MAX_PAGE_CONTENT.saturating_sub(joined.len()))
            .map_err(|e| format!("content cannot be decoded: {e}"))?;
        if streams.len() > 1 {
            joined.extend_from_slice(&data);
            joined.push(b'\n');
        }
    }
    let content = match streams.as_slice() {
        [] => PageContent::Empty,
        [one] => PageContent::Stream(*one),
        _ => PageContent::Joined(joined),
    };
    let group = page.get(b"Group").ok().cloned();

    let mut links = Vec::new();
    if let Some(Object::Array(annots)) = page.get(b"Annots").ok().and_then(|o| deref(doc, o)) {
        for a in annots {
            let Some(Object::Dictionary(d)) = deref(doc, a) else {
                continue;
            };
            if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice()) {
                continue;
            }
            let Some(Object::Dictionary(action)) = d.get(b"A").ok().and_then(|o| deref(doc, o))
            else {
                continue;
            };
            if action.get(b"S").and_then(Object::as_name).ok() != Some(b"URI".as_slice()) {
                continue;
            }
            let uri = action
                .get(b"URI")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_str().ok());
            let r = d.get(b"Rect").ok().and_then(|o| rect(doc, o));
            if let (Some(uri), Some(r)) = (uri, r) {
                links.push((r, uri.to_vec()));
            }
        }
    }
    Ok(ExtPage {
        bbox,
        rotate,
        resources,
        content,
        group,
        links,
    })
}

/// An affine matrix `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
type Matrix = [f32; 6];

/// `m1` applied first, then `m2`.
fn then(m1: &Matrix, m2: &Matrix) -> Matrix {
    let [a1, b1, c1, d1, e1, f1] = *m1;
    let [a2, b2, c2, d2, e2, f2] = *m2;
    [
        a2 * a1 + c2 * b1,
        b2 * a1 + d2 * b1,
        a2 * c1 + c2 * d1,
        b2 * c1 + d2 * d1,
        a2 * e1 + c2 * f1 + e2,
        b2 * e1 + d2 * f1 + f2,
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn transform_rect(m: &Matrix, r: &[f32; 4]) -> [f32; 4] {
    let pts = [
        apply(m, r[0], r[1]),
        apply(m, r[2], r[1]),
        apply(m, r[0], r[3]),
        apply(m, r[2], r[3]),
    ];
    let xs = pts.iter().map(|p| p.0);
    let ys = pts.iter().map(|p| p.1);
    [
        xs.clone().fold(f32::INFINITY, f32::min),
        ys.clone().fold(f32::INFINITY, f32::min),
        xs.fold(f32::NEG_INFINITY, f32::max),
        ys.fold(f32::NEG_INFINITY, f32::max),
    ]
}

fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// A number for a content stream: at most four decimals, no exponent.
fn num(v: f32) -> String {
    let s = format!("{:.4}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".into()
    } else {
        s.to_string()
    }
}

fn matrix_text(m: &Matrix) -> String {
    m.iter().map(|v| num(*v)).collect::<Vec<_>>().join(" ")
}

impl ExtPage {
    fn landscape(&self) -> bool {
        let (w, h) = self.displayed();
        w > h
    }

    /// Width and height as displayed (after /Rotate).
    fn displayed(&self) -> (f32, f32) {
        let w = self.bbox[2] - self.bbox[0];
        let h = self.bbox[3] - self.bbox[1];
        if self.rotate % 180 == 0 {
            (w, h)
        } else {
            (h, w)
        }
    }

    /// Form space to the target page of size `w` × `h`: the page's rotation
    /// applied, scaled down (never up) to fit above the footer zone, centred.
    fn placement(&self, w: f32, h: f32) -> Matrix {
        let [x0, y0, x1, y1] = self.bbox;
        let (pw, ph) = (x1 - x0, y1 - y0);
        let origin: Matrix = [1.0, 0.0, 0.0, 1.0, -x0, -y0];
        let rotation: Matrix = match self.rotate {
            90 => [0.0, -1.0, 1.0, 0.0, 0.0, pw],
            180 => [-1.0, 0.0, 0.0, -1.0, pw, ph],
            270 => [0.0, 1.0, -1.0, 0.0, ph, 0.0],
            _ => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        };
        let (dw, dh) = self.displayed();
        let (aw, ah) = (w - 2.0 * PLACE_SIDE, h - PLACE_TOP - PLACE_BOTTOM);
        let s = (aw / dw).min(ah / dh).min(1.0);
        let tx = PLACE_SIDE + (aw - dw * s) / 2.0;
        let ty = PLACE_BOTTOM + (ah - dh * s) / 2.0;
        let fit: Matrix = [s, 0.0, 0.0, s, tx, ty];
        then(&then(&origin, &rotation), &fit)
    }

    /// The page as a form XObject in `dst`.
    fn form(&self, im: &mut Importer, dst: &mut lopdf::Document) -> Stream {
        let mut dict = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Form".to_vec())),
            (
                "BBox",
                Object::Array(self.bbox.iter().map(|v| Object::Real(*v)).collect()),
            ),
            ("Resources", im.rewrite(dst, &self.resources)),
        ]);
        if let Some(g) = &self.group {
            dict.set("Group", im.rewrite(dst, g));
        }
        let content = match &self.content {
            PageContent::Stream(id) => match im.src.get_object(*id).and_then(Object::as_stream) {
                Ok(s) => {
                    for key in [b"Filter".as_slice(), b"DecodeParms".as_slice()] {
                        if let Ok(v) = s.dict.get(key) {
                            dict.set(key, im.rewrite(dst, v));
                        }
                    }
                    s.content.clone()
                }
                Err(_) => Vec::new(),
            },
            PageContent::Joined(data) => data.clone(),
            PageContent::Empty => Vec::new(),
        };
        Stream::new(dict, content)
    }
}

/// Copies objects of the source file into the compound document, each once,
/// with fresh ids in the order they are first met (so the same file always
/// gives the same objects). The page tree of the source is not followed.
struct Importer<'a> {
    src: &'a lopdf::Document,
    map: BTreeMap<ObjectId, ObjectId>,
    queue: VecDeque<ObjectId>,
}

impl Importer<'_> {
    fn id(&mut self, dst: &mut lopdf::Document, old: ObjectId) -> Option<ObjectId> {
        if let Some(new) = self.map.get(&old) {
            return Some(*new);
        }
        if let Ok(Object::Dictionary(d)) = self.src.get_object(old) {
            if let Ok(t) = d.get(b"Type").and_then(Object::as_name) {
                if matches!(t, b"Page" | b"Pages" | b"Catalog") {
                    return None;
                }
            }
        }
        let new = dst.new_object_id();
        self.map.insert(old, new);
        self.queue.push_back(old);
        Some(new)
    }

    fn rewrite_dict(&mut self, dst: &mut lopdf::Document, d: &Dictionary) -> Dictionary {
        let mut out = Dictionary::new();
        for (k, v) in d.iter() {
            out.set(k.clone(), self.rewrite(dst, v));
        }
        out
    }

    /// `o` with its references pointing at the copies (queued for copying).
    fn rewrite(&mut self, dst: &mut lopdf::Document, o: &Object) -> Object {
        match o {
            Object::Reference(id) => match self.id(dst, *id) {
                Some(new) => Object::Reference(new),
                None => Object::Null,
            },
            Object::Array(a) => Object::Array(a.iter().map(|v| self.rewrite(dst, v)).collect()),
            Object::Dictionary(d) => Object::Dictionary(self.rewrite_dict(dst, d)),
            Object::Stream(s) => {
                let mut dict = s.dict.clone();
                dict.remove(b"Length");
                let dict = self.rewrite_dict(dst, &dict);
                Object::Stream(
                    Stream::new(dict, s.content.clone()).with_compression(s.allows_compression),
                )
            }
            other => other.clone(),
        }
    }

    /// Copies everything queued, and what it refers to.
    fn drain(&mut self, dst: &mut lopdf::Document) {
        while let Some(old) = self.queue.pop_front() {
            let copy = match self.src.get_object(old) {
                Ok(o) => self.rewrite(dst, &o.clone()),
                Err(_) => Object::Null,
            };
            dst.objects.insert(self.map[&old], copy);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_keeps_the_page_inside_the_target() {
        for rotate in [0, 90, 180, 270] {
            let p = ExtPage {
                bbox: [10.0, 20.0, 622.0, 812.0],
                rotate,
                resources: Object::Null,
                content: PageContent::Empty,
                group: None,
                links: vec![],
            };
            let (w, h) = if p.landscape() {
                (PAGE_HEIGHT, PAGE_WIDTH)
            } else {
                (PAGE_WIDTH, PAGE_HEIGHT)
            };
            let m = p.placement(w, h);
            let r = transform_rect(&m, &p.bbox);
            assert!(
                r[0] >= PLACE_SIDE - 0.01 && r[2] <= w - PLACE_SIDE + 0.01,
                "{rotate}: {r:?}"
            );
            assert!(
                r[1] >= PLACE_BOTTOM - 0.01 && r[3] <= h - PLACE_TOP + 0.01,
                "{rotate}: {r:?}"
            );
            // The page's top left corner (as displayed) ends up top left.
            let (tlx, tly) = match rotate {
                0 => (10.0, 812.0),
                90 => (10.0, 20.0),
                180 => (622.0, 20.0),
                _ => (622.0, 812.0),
            };
            let (x, y) = apply(&m, tlx, tly);
            assert!(
                (x - r[0]).abs() < 0.01 && (y - r[3]).abs() < 0.01,
                "{rotate}: ({x}, {y}) vs {r:?}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_readable_pdf() {
        assert_eq!(
            ExternalPdf::parse(b"PK\x03\x04 not a pdf").unwrap_err(),
            ExternalPdfError::NotPdf
        );
        assert_eq!(
            ExternalPdf::parse(b"").unwrap_err(),
            ExternalPdfError::NotPdf
        );
        assert!(matches!(
            ExternalPdf::parse(
                b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
            )
            .unwrap_err(),
            ExternalPdfError::Unreadable(_)
        ));
        assert!(matches!(
            ExternalPdf::parse(b"%PDF-1.4\n%garbage\x00\xff\xfe").unwrap_err(),
            ExternalPdfError::Unreadable(_)
        ));
    }
}
