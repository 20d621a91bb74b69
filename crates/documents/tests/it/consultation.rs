//! "Oppsummering av høringssvarene" and the list of respondents through the real `quorum`
//! binary: the demo's 2022 e-health strategy consultation (seeds 000 and 001), the chart of
//! responses per category drawn as vector graphics, public versions without unpublishable
//! responses; and the import of a spreadsheet of 100 responses (the mapping shown first) and of
//! a filled Word form, a malformed spreadsheet refused with its row and column.

use crate::doc_support::*;
use quorum_pdfcheck as pdf;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../record/tests/fixtures/consultation")
        .join(name)
        .display()
        .to_string()
}

fn demo_cli() -> Db {
    let d = Db::empty();
    d.cli_ok(&["demo"]);
    d
}

#[test]
fn the_demos_summary_has_the_questions_the_tally_the_chart_and_seed_001s_answers() {
    let d = demo_cli();
    let out = d.dir.path().join("oppsummering.pdf");
    d.cli_ok(&[
        "consultation",
        "summary",
        "--body",
        EH,
        "1",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_sound(&out);
    let text = norm(&pdf::text(&out));
    assert_in_order(
        &text,
        &[
            "Oppsummering av høringssvarene",
            "1 Kort om høringen",
            // The fields' labels, then their values (pdftotext reads the columns so).
            "Sendt Frist Høringssvar 31. mai 2022 1. oktober 2022 29",
            "I høringen ble det spurt om tilbakemelding på følgende spørsmål:",
            "1. Kan dere stille dere bak de fem strategiske målene",
            "2. Har dere tilbakemelding på de fem strategiske målene med målindikatorer?",
            "3. Har dere tilbakemeldinger på prosessen",
            "4. Andre innspill og tilbakemeldinger?",
            "Det kom høringssvar fra 29 ulike instanser.",
            "Kommune",
            "Privatperson",
            "Figur 1: Fordeling av høringssvar per kategori",
            "Spørsmål 1",
            "Ja, utdyp gjerne 17 59 %",
            "Nei, utdyp gjerne 6 21 %",
            "Svar i alt 29 100 %",
            "2 Oppsummering av høringssvarene",
            "2.1 Visjon, overordnede mål og målgrupper",
            "ikke hensyntatt",
            "2.2 Strategiske mål",
            "delvis hensyntatt",
            "utenfor strategiens omfang",
            "2.2.1 Mål 1: Aktiv medvirkning i egen og næres helse",
            "2.2.2 Mål 2: Enklere arbeidshverdag",
            "Vedlegg 1: Høringsinstanser",
            "Helsenæringsaktør (seed 001)",
            "Vedlegg 2: Høringssvarene",
            "1. Helsenæringsaktør (seed 001)",
            "Svar: Nei, utdyp gjerne",
            "Vi er enig i visjonen",
            "Mål 4: Tilgjengelig informasjon og styrket samhandling",
            "«elefanten i rommet»",
        ],
    );
    assert_contains(&text, "Privatperson 2 (demo)");
    // The chart is vector graphics: filled rectangles in the content, no image on any page.
    let qdf = String::from_utf8_lossy(&pdf::qdf(&out)).into_owned();
    assert!(!qdf.contains("/Subtype /Image"), "an image in the PDF");
    // (printpdf writes an empty /XObject dictionary; no content stream paints one.)
    assert!(
        !qdf.lines().any(|l| l.trim_end().ends_with(" Do")),
        "an XObject painted"
    );
    let bars = qdf
        .lines()
        .filter(|l| l.trim_end().ends_with(" re"))
        .count();
    assert!(
        bars >= 8,
        "{bars} rectangles: one per category with responses"
    );
    // The same record gives the same bytes.
    let again = d.dir.path().join("igjen.pdf");
    d.cli_ok(&[
        "consultation",
        "summary",
        "--body",
        EH,
        "1",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());
}

#[test]
fn public_versions_leave_out_the_responses_that_may_not_be_published() {
    let d = demo_cli();
    let out = d.dir.path().join("offentlig.pdf");
    d.cli_ok(&[
        "consultation",
        "summary",
        "--body",
        EH,
        "1",
        "--public",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_sound(&out);
    let text = norm(&pdf::text(&out));
    assert_lacks(&text, "Privatperson 2 (demo)");
    assert_contains(&text, "Det kom høringssvar fra 28 ulike instanser.");
    assert_contains(
        &text,
        "1 høringssvar er ikke offentlige og er ikke med i denne versjonen.",
    );
    let list = d.dir.path().join("instanser.pdf");
    d.cli_ok(&[
        "consultation",
        "respondents",
        "--body",
        EH,
        "1",
        "--public",
        "-o",
        list.to_str().unwrap(),
    ]);
    assert_sound(&list);
    let text = norm(&pdf::text(&list));
    assert_in_order(
        &text,
        &[
            "Høringsinstanser",
            "Helsenæringsaktør (seed 001)",
            "Testvik kommune",
        ],
    );
    assert_lacks(&text, "Privatperson 2 (demo)");
    let full = d.dir.path().join("alle.pdf");
    d.cli_ok(&[
        "consultation",
        "respondents",
        "--body",
        EH,
        "1",
        "-o",
        full.to_str().unwrap(),
    ]);
    assert_contains(&norm(&pdf::text(&full)), "Privatperson 2 (demo)");
}

#[test]
fn a_spreadsheet_and_a_word_form_import_through_the_cli_and_a_malformed_one_is_refused() {
    let d = demo_cli();
    d.cli_ok(&[
        "consultation",
        "create",
        "--body",
        EH,
        "--title",
        "Ny høring",
        "--sent",
        "2026-01-05",
        "--deadline",
        "2026-03-01",
    ]);
    let c = ["--body", EH, "Ny høring"];
    let q1 = "Kan dere stille dere bak de fem strategiske målene, gitt strategiens rolle for å skape en felles langsiktig og forutsigbar retning for digitalisering på tvers av aktørene i helse- og omsorgssektoren?";
    let mut args = vec!["consultation", "question"];
    args.extend(c);
    args.extend([
        "--text",
        q1,
        "--choice",
        "Ja, utdyp gjerne",
        "--choice",
        "Nei, utdyp gjerne",
        "--choice",
        "Vet ikke, utdyp gjerne",
    ]);
    d.cli_ok(&args);
    let mut args = vec!["consultation", "question"];
    args.extend(c);
    args.extend([
        "--text",
        "Har dere tilbakemelding på de fem strategiske målene med målindikatorer?",
        "--part",
        "Mål 1: Aktiv medvirkning i egen og næres helse",
        "--part",
        "Mål 4: Tilgjengelig informasjon og styrket samhandling",
    ]);
    d.cli_ok(&args);
    for text in [
        "Har dere tilbakemeldinger på prosessen for hvordan strategien skal følges opp?",
        "Andre innspill og tilbakemeldinger?",
    ] {
        let mut args = vec!["consultation", "question"];
        args.extend(c);
        args.extend(["--text", text]);
        d.cli_ok(&args);
    }
    // The mapping is shown and nothing is imported until it is confirmed.
    let xlsx = fixture("responses-100.xlsx");
    let mut args = vec!["consultation", "import"];
    args.extend(c);
    args.push(&xlsx);
    let shown = d.cli_ok(&args);
    assert!(shown.contains("ingenting er importert ennå"), "{shown}");
    assert!(
        shown.contains("\"respondent\": \"Høringsinstans\""),
        "{shown}"
    );
    let mut show = vec!["consultation", "show"];
    show.extend(c);
    assert!(d.cli_ok(&show).contains("0 høringssvar"));
    // A malformed sheet is refused with its row and column, and nothing is written.
    let bad = fixture("malformed.xlsx");
    let mut args = vec!["consultation", "import"];
    args.extend(c);
    args.extend([bad.as_str(), "--confirm"]);
    let out = d.cli(&args);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Rad 7, kolonne «Kategori»"), "{err}");
    assert!(d.cli_ok(&show).contains("0 høringssvar"));
    // Confirmed: 100 responses; then the Word form.
    let mut args = vec!["consultation", "import"];
    args.extend(c);
    args.extend([xlsx.as_str(), "--confirm"]);
    assert!(d.cli_ok(&args).contains("Importerte 100 høringssvar"));
    let docx = fixture("form-seed-001.docx");
    let mut args = vec!["consultation", "import"];
    args.extend(c);
    args.extend([docx.as_str(), "--received", "2026-02-01"]);
    let done = d.cli_ok(&args);
    assert!(done.contains("Helsenæringsaktør (seed 001)"), "{done}");
    let listed = d.cli_ok(&show);
    assert!(listed.contains("101 høringssvar"), "{listed}");
    let mut tally = vec!["consultation", "tally"];
    tally.extend(c);
    let t = d.cli_ok(&tally);
    let nei = t
        .lines()
        .find(|l| l.trim_start().starts_with("Nei, utdyp gjerne"))
        .unwrap_or_default();
    assert_eq!(nei.split_whitespace().nth(3), Some("21"), "{t}");
    let hits = d.cli_ok(&["consultation", "search", "elefanten"]);
    assert_eq!(hits.lines().count(), 2, "{hits}");
}
