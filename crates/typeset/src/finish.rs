//! The last step on the lopdf level: document information, `/Lang`, the
//! outline (bookmarks), and a document ID derived from the content.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};

use super::error::PdfError;
use super::model::DocMeta;

/// An outline entry: title, level (1–3), page index (0-based) and the
/// height of its target above the bottom of the page, in points.
pub(crate) struct OutlineEntry {
    pub(crate) title: String,
    pub(crate) level: u8,
    pub(crate) page: usize,
    pub(crate) top: f32,
}

/// A text string as UTF-16BE with byte order mark, written in hex so that no
/// byte can be mistaken for a line end.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A PDF date without time zone: the record's local time, whose offset from
/// UT is (per ISO 32000-1, 7.9.4) unknown.
fn date(meta: &DocMeta) -> Object {
    let s = meta.created.format("D:%Y%m%d%H%M%S").to_string();
    Object::String(s.into_bytes(), StringFormat::Literal)
}

/// Sixteen zero bytes: the document ID before it is known.
const ID_PLACEHOLDER: &[u8] = b"<00000000000000000000000000000000>";

pub(crate) fn finish(
    mut doc: lopdf::Document,
    meta: &DocMeta,
    outline: &[OutlineEntry],
) -> Result<Vec<u8>, PdfError> {
    doc.version = "1.7".to_string();

    let info = Dictionary::from_iter(vec![
        ("Title", text(&meta.title)),
        ("Author", text(&meta.author)),
        ("Subject", text(&meta.subject)),
        ("Keywords", text(&meta.keywords.join(", "))),
        ("Creator", text("Quorum")),
        ("Producer", text("Quorum PDF engine (printpdf 0.12.8)")),
        ("CreationDate", date(meta)),
        ("ModDate", date(meta)),
    ]);
    // Replace printpdf's Info dictionary in place (it has fixed dates and empty fields).
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => doc.set_object(id, info),
        Err(_) => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(id));
        }
    }

    let outline_root = write_outline(&mut doc, outline)?;

    let catalog = doc
        .catalog_mut()
        .map_err(|e| PdfError::Serialize(format!("no catalog: {e}")))?;
    if !meta.language.trim().is_empty() {
        catalog.set(
            "Lang",
            Object::String(
                meta.language.trim().as_bytes().to_vec(),
                StringFormat::Literal,
            ),
        );
    }
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    match outline_root {
        Some(root) => {
            catalog.set("Outlines", Object::Reference(root));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }

    let zero = Object::String(vec![0; 16], StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![zero.clone(), zero]));

    compress(&mut doc);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| PdfError::Serialize(e.to_string()))?;

    // The ID is a hash of the file itself, so the same document always gets the
    // same ID and a different one a different ID.
    let digest = Sha256::digest(&bytes);
    let mut id = b"<".to_vec();
    for b in &digest[..16] {
        id.extend_from_slice(format!("{b:02X}").as_bytes());
    }
    id.push(b'>');
    let tail_start = bytes.len().saturating_sub(4096);
    let mut replaced = 0;
    let mut search_end = bytes.len();
    while replaced < 2 {
        let Some(pos) = rfind(&bytes[tail_start..search_end], ID_PLACEHOLDER) else {
            break;
        };
        let at = tail_start + pos;
        bytes[at..at + ID_PLACEHOLDER.len()].copy_from_slice(&id);
        replaced += 1;
        search_end = at;
    }
    if replaced != 2 {
        return Err(PdfError::Serialize(
            "document ID not found in trailer".into(),
        ));
    }
    Ok(bytes)
}

/// lopdf's `Document::compress`, with the streams spread over the machine's cores: deflate at
/// level 9 is about half the time of writing a long document, and each stream's bytes are what
/// `Stream::compress` makes of it on any thread, so the file is the same byte for byte.
fn compress(doc: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            Object::Stream(s) if s.allows_compression => Some(s),
            _ => None,
        })
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(streams.len());
    if threads <= 1 {
        streams.into_iter().for_each(compress_one);
        return;
    }
    // Largest first, each to the share with the fewest bytes so far.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let mut shares: Vec<(usize, Vec<&mut lopdf::Stream>)> =
        (0..threads).map(|_| (0, Vec::new())).collect();
    for s in streams {
        if let Some(share) = shares.iter_mut().min_by_key(|(bytes, _)| *bytes) {
            share.0 += s.content.len();
            share.1.push(s);
        }
    }
    std::thread::scope(|scope| {
        for (_, share) in shares {
            scope.spawn(move || share.into_iter().for_each(compress_one));
        }
    });
}

/// As `Document::compress` does: a stream that cannot be compressed stays as it is.
fn compress_one(s: &mut lopdf::Stream) {
    let _ = s.compress();
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

struct Node {
    entry: usize,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// Writes the outline tree (nested by heading level) and returns its root.
fn write_outline(
    doc: &mut lopdf::Document,
    entries: &[OutlineEntry],
) -> Result<Option<ObjectId>, PdfError> {
    if entries.is_empty() {
        return Ok(None);
    }
    let pages = doc.get_pages();
    // Build the tree: each entry's parent is the nearest earlier entry of a lower level.
    let mut nodes: Vec<Node> = Vec::with_capacity(entries.len());
    let mut top: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while let Some(&last) = stack.last() {
            if entries[nodes[last].entry].level >= e.level {
                stack.pop();
            } else {
                break;
            }
        }
        let parent = stack.last().copied();
        let id = nodes.len();
        nodes.push(Node {
            entry: i,
            parent,
            children: Vec::new(),
        });
        match parent {
            Some(p) => nodes[p].children.push(id),
            None => top.push(id),
        }
        stack.push(id);
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = nodes.iter().map(|_| doc.new_object_id()).collect();
    fn descendants(nodes: &[Node], n: usize) -> i64 {
        nodes[n]
            .children
            .iter()
            .map(|&c| 1 + descendants(nodes, c))
            .sum()
    }
    for (n, node) in nodes.iter().enumerate() {
        let e = &entries[node.entry];
        let page = pages.get(&(e.page as u32 + 1)).copied().ok_or_else(|| {
            PdfError::Serialize(format!("bookmark to missing page {}", e.page + 1))
        })?;
        let siblings = match node.parent {
            Some(p) => &nodes[p].children,
            None => &top,
        };
        let pos = siblings.iter().position(|&s| s == n).unwrap_or(0);
        let mut d = Dictionary::from_iter(vec![
            ("Title", text(&e.title)),
            (
                "Parent",
                Object::Reference(node.parent.map_or(root, |p| ids[p])),
            ),
            (
                "Dest",
                Object::Array(vec![
                    Object::Reference(page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(e.top.round()),
                    Object::Null,
                ]),
            ),
        ]);
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&next) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[next]));
        }
        if let (Some(&first), Some(&last)) = (node.children.first(), node.children.last()) {
            d.set("First", Object::Reference(ids[first]));
            d.set("Last", Object::Reference(ids[last]));
            d.set("Count", Object::Integer(descendants(&nodes, n)));
        }
        doc.set_object(ids[n], d);
    }
    let root_dict = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Outlines".to_vec())),
        ("First", Object::Reference(ids[top[0]])),
        (
            "Last",
            Object::Reference(ids[*top.last().unwrap_or(&top[0])]),
        ),
        ("Count", Object::Integer(nodes.len() as i64)),
    ]);
    doc.set_object(root, root_dict);
    Ok(Some(root))
}
