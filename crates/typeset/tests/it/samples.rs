//! Sample documents shared by the layout tests and the examples.
#![allow(dead_code)]

use chrono::NaiveDate;
use quorum_typeset::*;

pub fn meta(title: &str) -> DocMeta {
    DocMeta {
        title: title.to_string(),
        author: "Sekretariatet for Nasjonalt e-helseråd".to_string(),
        subject: "Møte 4/2025".to_string(),
        language: "nb-NO".to_string(),
        created: NaiveDate::from_ymd_opt(2025, 11, 27)
            .unwrap()
            .and_hms_opt(14, 30, 0)
            .unwrap(),
        keywords: vec!["e-helse".to_string(), "møteinnkalling".to_string()],
    }
}

pub fn doc(title: &str, blocks: Vec<Block>) -> Document {
    Document {
        meta: meta(title),
        running_header: "Nasjonalt e-helseråd · Møte 4/2025".to_string(),
        footer: FooterStyle::Norwegian,
        blocks,
    }
}

fn timetable_row(sak: &str, agenda: &str, tid: &str, kind: &str) -> Row {
    Row::text([sak, agenda, tid, kind])
}

/// An agenda like the secretariat's: title, head fields, timetable with a
/// break row, and headed sections with bullets.
pub fn agenda() -> Document {
    let members = vec![
        "Kari Nordmann, Helse- og omsorgsdepartementet (leder)".to_string(),
        "Ola Hansen, Helsedirektoratet".to_string(),
        "Ingrid Æsøy, Norsk helsenett SF".to_string(),
        "Per Ødegård, KS".to_string(),
        "Åse Lie, Helse Sør-Øst RHF".to_string(),
        "Jørgen Bråten, Helse Nord RHF".to_string(),
        "Siri Håkonsen, Legeforeningen".to_string(),
        "Tor Eriksen, Sykepleierforbundet".to_string(),
    ];
    let mut blocks = vec![
        Block::Title("Møteinnkalling".into()),
        Block::Subtitle("Nasjonalt e-helseråd – møte 4/2025".into()),
        Block::Fields(vec![
            Field::single("Dato", "Torsdag 11. desember 2025"),
            Field::single("Tid", "Kl. 09.00–15.00"),
            Field::single("Sted", "Helsedirektoratet, Vitaminveien 4, Oslo – møterom «Fjorden»"),
            Field::two_columns("Medlemmer", members),
            Field::new(
                "Sekretariat",
                vec!["Marte Kirkerud (referent)".into(), "Jonas Berg".into()],
            ),
        ]),
        Block::Rule,
        Block::heading("Saksliste", 1),
        Block::Table(Table {
            columns: vec![
                Column::auto("Sak"),
                Column::auto("Agenda"),
                Column::auto("Tidspunkt"),
                Column::auto("Sakstype"),
            ],
            rows: vec![
                timetable_row("", "Velkommen og innledning ved leder", "09.00–09.15", ""),
                timetable_row("36/25", "Godkjenning av innkalling og saksliste", "09.15–09.20", "Beslutningssak"),
                timetable_row("37/25", "Referat fra møte 3/2025", "09.20–09.30", "Beslutningssak"),
                timetable_row(
                    "38/25",
                    "Nasjonal e-helseportefølje: status og prioriteringer for 2026, med innspill fra regionale helseforetak og kommunesektoren",
                    "09.30–10.30",
                    "Drøftingssak",
                ),
                Row::text(["", "Pause", "10.30–10.45", ""]).with_emphasis(RowEmphasis::BREAK),
                timetable_row("39/25", "Felles språk og terminologi – «SNOMED CT» i norsk helsetjeneste", "10.45–11.45", "Orienteringssak"),
                Row::text(["", "Lunsj", "11.45–12.30", ""]).with_emphasis(RowEmphasis::BREAK),
                Row {
                    cells: vec![
                        Cell::text("40/25"),
                        Cell {
                            content: vec![
                                CellBlock::Paragraph(vec![Span::regular("Eventuelt")]),
                                CellBlock::Bullet(vec![Span::regular("Møteplan for 2026")]),
                                CellBlock::Bullet(vec![Span::regular("Innspill til neste møte")]),
                            ],
                        },
                        Cell::text("12.30–13.00"),
                        Cell::text("Orienteringssak"),
                    ],
                    emphasis: RowEmphasis::default(),
                },
            ],
        }),
    ];
    let sections = [
        ("Sak 38/25 Nasjonal e-helseportefølje", "Direktoratet for e-helse orienterer om porteføljen og ber rådet drøfte prioriteringene for 2026. Saken ble sist behandlet i møte 2/2025, der rådet ba om en samlet oversikt over gevinster, kostnader og risiko."),
        ("Sak 39/25 Felles språk og terminologi", "Helsedirektoratet orienterer om arbeidet med innføring av SNOMED CT. Rådet inviteres til å gi innspill på videre fremdrift og på hvordan kommunene kan involveres tidlig."),
        ("Sak 40/25 Eventuelt", "Medlemmene kan melde saker til eventuelt til sekretariatet innen 8. desember."),
    ];
    for (heading, text) in sections {
        blocks.push(Block::heading(heading, 2));
        blocks.push(Block::paragraph(text));
        blocks.push(Block::Paragraph(vec![Span::bold("Forslag til vedtak: ")]));
        blocks.push(Block::Bullets(vec![
            vec![Span::regular(
                "Nasjonalt e-helseråd tar orienteringen til etterretning.",
            )],
            vec![
                Span::regular("Rådet ber sekretariatet om å følge opp innspillene fra møtet, "),
                Span::italic("særlig"),
                Span::regular(" de som gjelder kommunenes rolle og finansiering."),
            ],
        ]));
    }
    blocks.push(Block::Paragraph(vec![
        Span::regular("Vennlig hilsen\n"),
        Span::bold("Kari Nordmann"),
        Span::regular("\nleder, Nasjonalt e-helseråd"),
    ]));
    doc("Møteinnkalling – Nasjonalt e-helseråd møte 4/2025", blocks)
}

/// A case memo with numbered lists, a long table running over pages, and
/// some hostile content (emoji, right-to-left text, very long words).
pub fn memo() -> Document {
    let mut rows = Vec::new();
    for i in 0..45 {
        let mut row = Row::text([
            format!("{}/25", i + 1),
            format!(
                "Tiltak {} – {}",
                i + 1,
                [
                    "oppfølging av vedtak",
                    "høring om forskrift for pasientjournal og helseregistre",
                    "budsjett",
                    "rapport fra arbeidsgruppen for deling av journalopplysninger"
                ][i % 4]
            ),
            ["Helsedirektoratet", "KS", "Norsk helsenett SF", "HOD"][i % 4].to_string(),
            format!("{}.{:02}.2026", 1 + i % 28, 1 + i % 12),
        ]);
        if i % 10 == 9 {
            row = row.with_emphasis(RowEmphasis {
                bold: true,
                shaded: false,
            });
        }
        rows.push(row);
    }
    let blocks = vec![
        Block::Title("Saksnotat".into()),
        Block::Subtitle("Sak 38/25 Nasjonal e-helseportefølje".into()),
        Block::Fields(vec![
            Field::single("Saksbehandler", "Marte Kirkerud"),
            Field::single("Dato", "27. november 2025"),
            Field::single("Arkivsak", "25/01234-5"),
        ]),
        Block::heading("1 Bakgrunn", 1),
        Block::paragraph(
            "Nasjonalt e-helseråd behandlet porteføljen i møte 2/2025. Rådet ba om en samlet oversikt over gevinster, kostnader og risiko, og om at kommunesektorens behov ble synliggjort. Dette notatet svarer på bestillingen.",
        ),
        Block::heading("1.1 Tidligere behandling", 2),
        Block::Numbered(vec![
            vec![Span::regular("Møte 1/2025: orientering om porteføljen.")],
            vec![Span::regular("Møte 2/2025: drøfting av prioriteringer, se "), Span::italic("referat punkt 4"), Span::regular(".")],
            vec![Span::regular("Møte 3/2025: innspill fra regionale helseforetak.")],
        ]),
        Block::heading("2 Tiltak i porteføljen", 1),
        Block::Table(Table {
            columns: vec![
                Column::auto("Nr."),
                Column::auto("Tiltak"),
                Column::auto("Ansvarlig"),
                Column::auto("Frist").with_align(Align::Right),
            ],
            rows,
        }),
        Block::heading("3 Vurdering", 1),
        Block::paragraph("Sekretariatet vurderer at porteføljen er godt forankret. Enkelte innspill inneholdt tegn som skriften ikke har: «Bra jobbet 👍🏽», سلام og שלום, og et svært langt ord: Personopplysningsbehandlingsansvarsfordelingsavklaringsarbeidsgruppemøtereferatgodkjenningsprosedyrebeskrivelsesdokument."),
        Block::KeepTogether(vec![
            Block::heading("4 Forslag til vedtak", 1),
            Block::Paragraph(vec![Span::bold("Nasjonalt e-helseråd tar saken til orientering.")]),
        ]),
    ];
    doc("Saksnotat – sak 38/25", blocks)
}

/// Hostile content: emoji, right-to-left scripts, combining marks, very
/// long words, a long member list in two columns.
pub fn hostile() -> Document {
    let long_word: String = "Sjøtrafikksentral".repeat(12).chars().take(200).collect();
    let members: Vec<String> = (1..=60)
        .map(|i| format!("Medlem {i} Ødegård-Åsheim, Helse Sør-Øst RHF"))
        .collect();
    doc(
        "Fiendtlig innhold",
        vec![
            Block::Title(format!("Tittel med {long_word}")),
            Block::heading("Emoji 👍🏽 og 🇳🇴 i overskrift", 1),
            Block::paragraph("Møtet var 👍 bra 😀😀😀 – 👨‍👩‍👧 familie"),
            Block::paragraph("العربية نص من اليمين إلى اليسار مع أرقام 123 · עברית טקסט מימין לשמאל"),
            Block::paragraph("Kombinerte tegn: e\u{0301} a\u{030A} q\u{0303}\u{0323} x\u{20DD}; NBSP kl.\u{00A0}10.00"),
            Block::paragraph(format!("Før {long_word} etter")),
            Block::Table(Table {
                columns: vec![Column::auto("Emoji 🙂"), Column::auto("Langt ord"), Column::auto("Tid")],
                rows: vec![
                    Row::text(["🙂".repeat(30), format!("Før {long_word} etter"), "09.00–10.00".into()]),
                    Row::text(["שלום".to_string(), "kort".into(), "10.00".into()]),
                ],
            }),
            Block::Fields(vec![
                Field::single("Dato", "11. desember 2025"),
                Field::two_columns("Medlemmer", members),
            ]),
        ],
    )
}
