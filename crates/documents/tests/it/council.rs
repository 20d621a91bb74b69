//! The minutes a kommunestyre must keep (kommuneloven § 11-4, forvaltningsloven §§ 6 and 8), on
//! the demo's Testvik kommunestyre 1/2026 as `quorum demo` loads it: groups, attendance changes,
//! the quorum statement, impartiality, proposals and votes in the møtebok's order, the signature
//! block with the hash of the copy signed, the register's results, English and public versions.

use crate::doc_support::{
    assert_contains, assert_in_order, assert_lacks, assert_sound, body_text, Db,
};
use quorum_documents::{DocOptions, Documents};
use quorum_record::signing::sha256_hex;
use quorum_record::{Lang, Store};

const KS: &str = "Kommunestyret";

/// `quorum demo` into a fresh record, then `quorum pdf …` of Kommunestyret's documents.
fn cli_demo() -> Db {
    let d = Db::empty();
    d.cli_ok(&["demo"]);
    d
}

fn cli_pdf(d: &Db, args: &[&str], name: &str) -> std::path::PathBuf {
    let out = d.dir.path().join(name);
    let mut all = vec!["pdf"];
    all.extend_from_slice(args);
    all.extend(["-o", out.to_str().unwrap()]);
    d.cli_ok(&all);
    // Kept for a look where QUORUM_KEEP_PDFS asks for it.
    d.file(name, &std::fs::read(&out).unwrap())
}

fn meeting_id(s: &Store) -> String {
    s.meeting_by_number(KS, "1/2026").unwrap().id
}

/// The hex after the signature block's label.
fn printed_hash(text: &str, label: &str) -> String {
    let flat = crate::doc_support::norm(text);
    let at = flat
        .find(label)
        .unwrap_or_else(|| panic!("no {label:?} in {flat}"));
    flat[at + label.len()..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

#[test]
fn the_kommunestyre_minutes_show_every_item_in_the_order_of_a_motebok() {
    let d = cli_demo();
    let path = cli_pdf(
        &d,
        &["minutes", "--body", KS, "--meeting", "1/2026"],
        "referat-ks.pdf",
    );
    assert_sound(&path);
    let text = body_text(&path);
    assert_in_order(
        &text,
        &[
            "Referat fra møte i Testvik kommunestyre",
            "Møte 1/2026",
            // Members with their group; absent; substitutes, for the meeting and for a case.
            "Anne Lise Torvik (Ap)",
            "Kristin Berge (H)",
            "Ikke til stede",
            "Bjørn Aasen (Ap)",
            "Stedfortreder",
            "Lise Moen (Ap) stiller for Bjørn Aasen",
            "Nils Kleven (Sp) stiller for Marit Løvland i sak 2/26",
            // Who came and went, in the header.
            "Endringer i frammøtet",
            "Siri Vangen (Ap) tiltrådte møtet fra sak 2/26.",
            "Per Arne Strømsvik (Ap) forlot møtet etter sak 2/26.",
            "Møtet var vedtaksført.",
            // The unanimous decision.
            "1/26 Godkjenning av innkalling og saksliste",
            "Innstilling:",
            "Votering:",
            "Enstemmig vedtatt.",
            "Vedtak:",
            "Innkalling og saksliste godkjennes.",
            // Impartiality first in its case, then narrative, innspill, recommendation, vote.
            "2/26 Detaljregulering for Storvika boligfelt",
            "Siri Vangen (Ap) tiltrådte møtet.",
            "Habilitet:",
            "Spørsmålet om habiliteten til Marit Løvland (Sp) ble tatt opp: daglig leder og eier av Storvika Utvikling AS",
            "Testvik kommunestyre vedtok enstemmig at Marit Løvland var inhabil, jf. fvl. § 6 første ledd bokstav a.",
            "fratrådte under behandlingen av saken.",
            "Nils Kleven (Sp) tiltrådte for Marit Løvland i behandlingen av saken.",
            "Kommunedirektør Tor Eide la fram saken",
            "Innspill:",
            "Innstilling:",
            "Votering:",
            "Enstemmig vedtatt.",
            "Vedtak:",
            "Per Arne Strømsvik (Ap) forlot møtet etter behandlingen av saken.",
            // The alternative proposal from H, decided 7 mot 2 with the groups on each side.
            "3/26 Ny barnehage på Nordvik",
            "Innspill:",
            "Innstilling:",
            "Ny barnehage på Nordvik bygges på kommunens tomt ved Nordvik skole.",
            "Forslag fra H v/ Kristin Berge:",
            "Ny barnehage på Nordvik bygges på Solbakken.",
            "Votering:",
            "Forslaget fra H falt med 2 mot 7 stemmer. H og FrP stemte for. Ap, Sp og SV stemte mot.",
            "Innstillingen ble vedtatt med 7 mot 2 stemmer. Ap, Sp og SV stemte for. H og FrP stemte mot.",
            "Vedtak:",
            "Aksjonspunkt:",
            "Kommunedirektøren legger fram byggeprogram for barnehagen",
            // The named vote: a split group named member by member, and the lists.
            "4/26 Innføring av eiendomsskatt fra 2027",
            "Innstillingen ble vedtatt med 6 mot 3 stemmer ved navneopprop.",
            "Ap og SV stemte for. H og FrP stemte mot.",
            "Sp delte seg: Jon Erik Haugland stemte for, Marit Løvland stemte mot.",
            "Ja (6)",
            "Anne Lise Torvik (Ap), Jon Erik Haugland (Sp), Ingrid Sletten (Ap), Siri Vangen (Ap), Hans Petter Rønning (SV), Lise Moen (Ap)",
            "Nei (3)",
            "Kristin Berge (H), Marit Løvland (Sp), Tone Myrvold (FrP)",
            "Vedtak:",
            "5/26 Eventuelt",
            "Aksjonspunkt:",
            // Approved by signatures: the block ends the document.
            "Status: Godkjent",
            "Godkjent ved signatur",
            "Anne Lise Torvik – signert",
            "Ingrid Sletten – signert",
            "Kristin Berge – signert",
            "SHA-256 av referatet som ble signert:",
            "Tidspunktene er norsk tid.",
        ],
    );
    assert_lacks(&text, "Utkast");
    assert_lacks(&text, "Til signering");
}

#[test]
fn the_signature_block_prints_the_hash_of_the_exact_copy_the_signers_got() {
    let d = cli_demo();
    let path = cli_pdf(
        &d,
        &["minutes", "--body", KS, "--meeting", "1/2026"],
        "signert.pdf",
    );
    let printed = printed_hash(&body_text(&path), "SHA-256 av referatet som ble signert:");
    assert_eq!(printed.len(), 64, "{printed}");
    let s = Store::open(&d.path).unwrap();
    let m = meeting_id(&s);
    let state = s.signing(&m).unwrap();
    let round = state.signed_round().expect("the demo's minutes are signed");
    let sent = s.signing_pdf(&round.id).unwrap();
    assert_eq!(sha256_hex(&sent), printed);
    assert_eq!(round.sha256, printed);
    assert_eq!(round.signatures.len(), 3);
    for sig in &round.signatures {
        assert_eq!(sig.sha256, printed, "{}", sig.person.name);
    }
    assert!(s.meeting(&m).unwrap().locked());
    // What the signers got is the signing copy: "Til signering", no signature block.
    let copy = d.file("sendt.pdf", &sent);
    assert_sound(&copy);
    let t = body_text(&copy);
    assert_contains(
        &t,
        "Status: Til signering – referatet er godkjent når Anne Lise Torvik, Ingrid Sletten og Kristin Berge har signert det.",
    );
    assert_lacks(&t, "Godkjent ved signatur");
    assert_lacks(&t, "Utkast");
    assert_in_order(&t, &["Møtet var vedtaksført.", "Enstemmig vedtatt."]);
}

#[test]
fn a_refused_round_leaves_the_draft_and_only_the_round_signed_shows() {
    // The record's demo: held, signers chosen, not yet sent.
    let d = Db::demo();
    let s = &d.store;
    let m = meeting_id(s);
    let signers = s.signing(&m).unwrap().signers;
    let draft = body_text(&d.file(
        "utkast.pdf",
        &s.minutes_pdf(&m, DocOptions::default()).unwrap(),
    ));
    assert_contains(&draft, "Status: Utkast");
    let first = s.send_minutes_for_signing(&m).unwrap();
    // While out for signing the minutes read as the copy sent, byte for byte.
    let out = s.minutes_pdf(&m, DocOptions::default()).unwrap();
    assert!(out == s.signing_pdf(&first.id).unwrap());
    s.sign_minutes(&m, &signers[0].id, &first.sha256).unwrap();
    s.refuse_minutes(&m, &signers[1].id, "Feil dato i sak 3/26")
        .unwrap();
    let back = body_text(&d.file(
        "tilbake.pdf",
        &s.minutes_pdf(&m, DocOptions::default()).unwrap(),
    ));
    assert_contains(&back, "Status: Utkast");
    assert_lacks(&back, "Til signering");
    // Corrected and sent again: the signed round is the one the final document names.
    let item = s.case_by_number(KS, "3/26").unwrap().item_id.unwrap();
    s.set_narrative(&item, "Kommunedirektør Tor Eide orienterte om tomtene.")
        .unwrap();
    let second = s.send_minutes_for_signing(&m).unwrap();
    assert_ne!(first.sha256, second.sha256);
    for p in &signers {
        s.sign_minutes(&m, &p.id, &second.sha256).unwrap();
    }
    let path = d.file(
        "endelig.pdf",
        &s.minutes_pdf(&m, DocOptions::default()).unwrap(),
    );
    assert_sound(&path);
    let t = body_text(&path);
    assert_eq!(
        printed_hash(&t, "SHA-256 av referatet som ble signert:"),
        second.sha256
    );
    assert_lacks(&t, &first.sha256);
    assert_lacks(&t, "Feil dato");
    assert_lacks(&t, "avvist");
}

#[test]
fn the_register_shows_the_votes_results() {
    let d = cli_demo();
    let path = cli_pdf(
        &d,
        &["register", "--body", KS, "--year", "2026"],
        "register-ks.pdf",
    );
    assert_sound(&path);
    assert_in_order(
        &body_text(&path),
        &[
            "Vedtaksregister 2026",
            "Testvik kommunestyre",
            "1/26",
            "Enstemmig vedtatt.",
            "2/26",
            "Enstemmig vedtatt.",
            "3/26",
            "Vedtatt 7–2.",
            "4/26",
            "Vedtatt 6–3.",
            "5/26",
        ],
    );
}

#[test]
fn the_agenda_names_the_members_by_their_group() {
    let d = cli_demo();
    let path = cli_pdf(
        &d,
        &["agenda", "--body", KS, "--meeting", "1/2026"],
        "agenda-ks.pdf",
    );
    assert_sound(&path);
    let text = body_text(&path);
    assert_in_order(
        &text,
        &["Medlemmer", "Anne Lise Torvik (Ap)", "Kristin Berge (H)"],
    );
    // The e-health council's members keep their organisations.
    let eh = cli_pdf(
        &d,
        &["agenda", "--body", "E-helserådet", "--meeting", "4/2025"],
        "agenda-eh.pdf",
    );
    assert_contains(&body_text(&eh), "(Helse Vest RHF)");
}

#[test]
fn the_english_minutes_read_in_english() {
    let d = cli_demo();
    let s = Store::open(&d.path).unwrap();
    let m = meeting_id(&s);
    let en = DocOptions {
        lang: Some(Lang::En),
        ..Default::default()
    };
    let path = d.file("minutes-en.pdf", &s.minutes_pdf(&m, en).unwrap());
    assert_sound(&path);
    let t = body_text(&path);
    assert_in_order(
        &t,
        &[
            "Minutes of the meeting of Testvik kommunestyre",
            "Absent",
            "Substitute",
            "Lise Moen (Ap) stands in for Bjørn Aasen",
            "Nils Kleven (Sp) stands in for Marit Løvland in case 2/26",
            "Changes in attendance",
            "Siri Vangen (Ap) joined the meeting at case 2/26.",
            "Per Arne Strømsvik (Ap) left the meeting after case 2/26.",
            "The meeting was quorate.",
            "Recommendation:",
            "Voting:",
            "Adopted unanimously.",
            "Decision:",
            "Impartiality:",
            "The impartiality of Marit Løvland (Sp) was questioned:",
            "Testvik kommunestyre decided unanimously that Marit Løvland was disqualified, cf. fvl. § 6 første ledd bokstav a.",
            "stepped down for the case.",
            "Nils Kleven (Sp) took the seat of Marit Løvland for this case.",
            "Per Arne Strømsvik (Ap) left the meeting after this case.",
            "Proposal from H (Kristin Berge):",
            "The proposal from H was rejected by 2 votes to 7. H and FrP voted for. Ap, Sp and SV voted against.",
            "The recommendation was adopted by 7 votes to 2. Ap, Sp and SV voted for. H and FrP voted against.",
            "The recommendation was adopted by 6 votes to 3 by roll call.",
            "Sp split: Jon Erik Haugland voted for, Marit Løvland voted against.",
            "Yes (6)",
            "No (3)",
            "Status: Approved on",
            "Approved by signature",
            "Anne Lise Torvik – signed",
            "SHA-256 of the minutes signed:",
            "Times are Norwegian time.",
        ],
    );
    for nb in [
        "Innstilling",
        "Votering",
        "stemte",
        "vedtatt",
        "Habilitet",
        "tiltrådte",
        "forlot",
        "signert",
        "vedtaksført",
        "Stedfortreder",
    ] {
        assert_lacks(&t, nb);
    }
    let r = s
        .register_pdf(&s.body_by_short(KS).unwrap().id, 2026, en)
        .unwrap();
    let t = body_text(&d.file("register-en.pdf", &r));
    assert_in_order(
        &t,
        &["Adopted unanimously.", "Adopted 7–2.", "Adopted 6–3."],
    );
}

#[test]
fn the_quorum_statement_names_the_cases_where_the_body_could_not_decide() {
    let d = Db::demo();
    let s = &d.store;
    let m = meeting_id(s);
    let body = s.body_by_short(KS).unwrap();
    // 82 % of 11 members is 10: only 2/26 (with its substitute) had ten taking part.
    s.set_body_rules(&body.id, Some(82), true).unwrap();
    let t = body_text(&d.file(
        "kvorum.pdf",
        &s.minutes_pdf(&m, DocOptions::default()).unwrap(),
    ));
    assert_contains(
        &t,
        "Møtet var vedtaksført, unntatt i sakene 1/26, 3/26, 4/26 og 5/26.",
    );
    // Without a rule the minutes say nothing of it.
    s.set_body_rules(&body.id, None, true).unwrap();
    let t = body_text(&d.file(
        "uten-regel.pdf",
        &s.minutes_pdf(&m, DocOptions::default()).unwrap(),
    ));
    assert_lacks(&t, "vedtaksført");
}

#[test]
fn the_public_minutes_hide_everything_of_an_exempt_case() {
    let d = Db::demo();
    let s = &d.store;
    let m = meeting_id(s);
    let c2 = s.case_by_number(KS, "2/26").unwrap();
    s.set_exempt(&c2.id, true, "offl. § 13").unwrap();
    let public = DocOptions {
        public: true,
        ..Default::default()
    };
    let path = d.file("offentlig.pdf", &s.minutes_pdf(&m, public).unwrap());
    assert_sound(&path);
    let t = body_text(&path);
    assert_in_order(
        &t,
        &[
            "Møtet var vedtaksført.",
            "2/26 Unntatt offentlighet (offl. § 13)",
            "3/26 Ny barnehage på Nordvik",
            "Forslag fra H v/ Kristin Berge:",
        ],
    );
    for secret in [
        "Storvika",
        "Habilitet",
        "inhabil",
        "Nils Kleven",
        "plankart",
        "adkomstveien",
        "gang- og sykkelveien",
    ] {
        assert_lacks(&t, secret);
    }
}

#[test]
fn signed_minutes_keep_their_bytes_when_groups_people_and_rules_change() {
    let d = Db::empty();
    quorum_documents::load_demo(&d.store).unwrap();
    let s = &d.store;
    let m = meeting_id(s);
    let body = s.body_by_short(KS).unwrap();
    let docs = |s: &Store| {
        [false, true].map(|public| {
            let o = DocOptions {
                public,
                ..Default::default()
            };
            s.minutes_pdf(&m, o).unwrap()
        })
    };
    let before = docs(s);
    let h = s.party_by_name(&body.id, "H").unwrap();
    s.update_party(
        &h.id,
        &quorum_record::groups::PartyInput {
            name: "Høgre".into(),
            short_name: "Hø".into(),
        },
    )
    .unwrap();
    let berge = s.person_by_name("Kristin Berge").unwrap();
    let ms = s
        .memberships(&body.id, Some("2026-01-29"))
        .unwrap()
        .into_iter()
        .find(|x| x.person.id == berge.id)
        .unwrap();
    let frp = s.party_by_name(&body.id, "FrP").unwrap();
    s.set_membership_party(&ms.id, Some(&frp.id)).unwrap();
    s.update_person(
        &berge.id,
        &quorum_record::people::PersonInput {
            name: "Kristin Berge Holm".into(),
            ..Default::default()
        },
    )
    .unwrap();
    s.set_body_rules(&body.id, Some(100), true).unwrap();
    let after = docs(s);
    for (i, (a, b)) in before.iter().zip(&after).enumerate() {
        assert!(a == b, "the signed minutes changed (public = {})", i == 1);
    }
}

#[test]
fn ties_blank_votes_two_proposals_from_one_group_and_a_member_found_impartial() {
    use quorum_record::presence::DisqualificationDecision;
    use quorum_record::vocab::{Impartiality, VoteMethod, VoteResult};
    use quorum_record::votes::{ProposalInput, VoteInput};
    let d = Db::demo();
    let s = &d.store;
    let m = meeting_id(s);
    let body = s.body_by_short(KS).unwrap();
    let c5 = s.case_by_number(KS, "5/26").unwrap();
    let h = s.party_by_name(&body.id, "H").unwrap();
    let berge = s.person_by_name("Kristin Berge").unwrap();
    let put = |text: &str| {
        s.add_proposal(
            &c5.id,
            &ProposalInput {
                text: text.into(),
                party_id: Some(h.id.clone()),
                person_id: Some(berge.id.clone()),
            },
        )
        .unwrap()
    };
    put("Fjellveien brøytes før klokka sju.");
    let second = put("Fjellveien får strøsand i bakkene.");
    let ronning = s.person_by_name("Hans Petter Rønning").unwrap();
    let q = s.raise_disqualification(&c5.id, &ronning.id, "").unwrap();
    s.decide_disqualification(
        &q.id,
        &DisqualificationDecision {
            outcome: Impartiality::Qualified,
            basis: "fvl. § 6 annet ledd".into(),
            votes: Some((7, 1)),
        },
    )
    .unwrap();
    s.record_vote(
        &c5.id,
        &VoteInput {
            proposal_id: Some(second.id.clone()),
            method: VoteMethod::Counts,
            votes_for: Some(4),
            votes_against: Some(4),
            votes_blank: Some(1),
            result: Some(VoteResult::Adopted),
            ..Default::default()
        },
    )
    .unwrap();
    let t = body_text(&d.file(
        "uavgjort.pdf",
        &s.minutes_pdf(&m, DocOptions::default()).unwrap(),
    ));
    assert_in_order(
        &t,
        &[
            "5/26 Eventuelt",
            "Habilitet:",
            "Spørsmålet om habiliteten til Hans Petter Rønning (SV) ble tatt opp.",
            "Testvik kommunestyre vedtok med 7 mot 1 stemmer at Hans Petter Rønning ikke var inhabil, jf. fvl. § 6 annet ledd.",
            "Forslag 1 fra H v/ Kristin Berge:",
            "Fjellveien brøytes før klokka sju.",
            "Forslag 2 fra H v/ Kristin Berge:",
            "Fjellveien får strøsand i bakkene.",
            "Votering:",
            "Forslaget 2 fra H ble vedtatt med 4 mot 4 stemmer. 1 stemte blankt. Møteleders stemme var avgjørende.",
            // The decision is the proposal that won: "Vedtak", not "Vedtak oppdatert".
            "Vedtak:",
            "Fjellveien får strøsand i bakkene.",
            "Aksjonspunkt:",
        ],
    );
    assert_lacks(&t, "fratrådte under behandlingen av saken. Forslag");
}
