//! Nothing typed is lost when the app dies: text is typed key by key into the fields that save
//! as they are typed, the app's whole process tree is killed with SIGKILL a moment after the
//! last key (no pause of the saver has passed, nothing could flush), the app is started again
//! on the same record and profile, and every character must be in the record (read from the
//! SQLite file) and in the window, once.
//!
//! The record is checked before any screen with the text is opened: what a killed window left
//! unsaved is written when the app starts, not only when the user happens to return to it.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::Locator;

use crate::harness::{css, ensure, App, Harness, TestResult, Ui, WAIT_FOR_UI};

/// How long after the last key each kill comes: within the saver's pause, as in the finding
/// (0.03–0.26 s).
const CASE_KILL_DELAYS_MS: [u64; 4] = [50, 120, 200, 270];

/// One launch must not take longer than this (start, navigation, typing, checks).
const ONE_LAUNCH: Duration = Duration::from_secs(240);

/// The record, opened read-only beside the app (WAL lets it read while the app writes).
fn record(path: &Path) -> TestResult<rusqlite::Connection> {
    Ok(rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?)
}

/// The demo's meeting 4/2025 (every meeting of the demo has an item of the same title, so
/// items are found within it).
const MEETING_DATE: &str = "2025-12-11";

fn case_summary(db: &Path, title: &str) -> TestResult<String> {
    let c = record(db)?;
    Ok(c.query_row(
        r#"SELECT c.summary FROM "case" c JOIN agenda_item a ON a.case_id = c.id
           JOIN meeting m ON m.id = a.meeting_id WHERE m.date = ?1 AND c.title = ?2"#,
        [MEETING_DATE, title],
        |r| r.get(0),
    )?)
}

fn innspill_texts(db: &Path) -> TestResult<Vec<String>> {
    let c = record(db)?;
    let mut st = c.prepare("SELECT text FROM innspill ORDER BY item_id, position")?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn item_duration(db: &Path, title: &str) -> TestResult<i64> {
    let c = record(db)?;
    Ok(c.query_row(
        r#"SELECT a.duration_min FROM agenda_item a LEFT JOIN "case" c ON c.id = a.case_id
           JOIN meeting m ON m.id = a.meeting_id
           WHERE m.date = ?1 AND (c.title = ?2 OR (a.case_id IS NULL AND a.title = ?2))"#,
        [MEETING_DATE, title],
        |r| r.get(0),
    )?)
}

/// The typing journal beside the record (`src-tauri/src/commands/journal.rs`).
fn journal_file(db: &Path) -> std::path::PathBuf {
    let mut name = db.file_name().expect("a file name").to_os_string();
    name.push(".unsaved");
    db.with_file_name(name)
}

/// Once everything typed is committed the journal is empty, which is no file.
async fn journal_emptied(db: &Path) -> TestResult {
    let file = journal_file(db);
    let left = eventually(Duration::from_secs(5), || Ok(file.exists()), |e| !e).await?;
    ensure!(
        !left,
        "everything is saved, yet the journal still holds {:?}",
        std::fs::read_to_string(&file).unwrap_or_default()
    );
    Ok(())
}

/// Polls `check` until it holds, for up to `within`; the last value is returned either way.
async fn eventually<T: std::fmt::Debug>(
    within: Duration,
    mut read: impl FnMut() -> TestResult<T>,
    holds: impl Fn(&T) -> bool,
) -> TestResult<T> {
    let deadline = Instant::now() + within;
    loop {
        let v = read();
        match v {
            Ok(v) if holds(&v) => return Ok(v),
            Ok(v) if Instant::now() > deadline => return Ok(v),
            Err(e) if Instant::now() > deadline => return Err(e),
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Types `text` one key at a time, as a person does (every key its own input event).
async fn type_keys(el: &Element, text: &str) -> TestResult {
    for ch in text.chars() {
        el.send_keys(&ch.to_string()).await?;
    }
    Ok(())
}

/// Waits for the window, then the demo's meeting 4/2025 (agenda sent: its cases, durations
/// and live mode can be edited).
async fn open_demo_meeting(ui: &Ui<'_>) -> TestResult {
    ui.click("nav-meetings").await?;
    ui.wait_text("meeting-row", "4/2025").await?;
    ui.open_meeting("4/2025").await?;
    ui.wait_text("meeting-title", "4/2025").await?;
    Ok(())
}

/// Kills the app `delay` after `last_key`; returns how long after the last key the signals
/// went out.
async fn kill_after(app: App, last_key: Instant, delay: Duration) -> TestResult<Duration> {
    let (killed, sent) = app.kill_at(last_key + delay).await?;
    let after = sent - last_key;
    eprintln!("e2e: killed {killed} processes {after:?} after the last key");
    Ok(after)
}

/// Runs one launch's steps with a time limit, taking screenshots when they fail.
macro_rules! launch_step {
    ($h:expr, $app:expr, $label:expr, $body:expr) => {{
        let result: TestResult<_> = match tokio::time::timeout(ONE_LAUNCH, $body).await {
            Ok(r) => r,
            Err(_) => Err(format!("{} took longer than {ONE_LAUNCH:?}", $label).into()),
        };
        if let Err(e) = &result {
            $h.failure_shots(&$app, $label).await;
            panic!("{}: {e}", $label);
        }
        result.unwrap()
    }};
}

/// Four times: a few hundred characters typed into a case's summary, killed 0.05–0.3 s after
/// the last key; after each restart the record has every character before the case is
/// opened, and the case editor shows the text and "Lagret" only once it is written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn case_editor_text_survives_kill_9() {
    let h = Harness::start("kill-case");
    let db = h.data.path().join("kill-case.quorum");
    let mut expected = String::new();
    let mut title = String::new();
    let mut typed = 0usize;

    for (round, delay) in CASE_KILL_DELAYS_MS.iter().enumerate() {
        let app = h.launch(&db).await.expect("launch");
        // Each round's text ends in a letter or sign, not a space, which the core trims.
        let chunk = format!(
            "{sep}Runde {n}: Rådet ber sekretariatet utrede konsekvensene for kommunene, \
             særlig økonomi, personvern og samhandling på tvers av nivåene i helsetjenesten; \
             innspill fra høringen i {n}. kvartal tas med, og saken legges fram på nytt før \
             sommeren med en vurdering av kostnader og nytte (æøå ÆØÅ «» – §{n}).",
            sep = if round == 0 { "" } else { " " },
            n = round + 1
        );
        let last_key = launch_step!(h, app, &format!("case-round-{round}"), async {
            let mut ui = h.ui(&app);
            if round > 0 {
                // Before the case is opened: the journal was written at start.
                let got = eventually(
                    Duration::from_secs(15),
                    || case_summary(&db, &title),
                    |s| *s == expected,
                )
                .await?;
                ensure!(
                    got == expected,
                    "after kill {round} the record has {} of {} characters of the summary \
                     (before the case was opened):\nrecord: {got:?}\ntyped:  {expected:?}",
                    got.chars().count(),
                    expected.chars().count()
                );
            }
            open_demo_meeting(&ui).await?;
            ui.click("agenda-open-case").await?;
            let field = ui.el("case-summary").await?;
            if round == 0 {
                title = ui.value("case-title").await?;
                ensure!(!title.is_empty(), "the case has no title");
                // Start from an empty summary (written at once, on change), so the record's
                // text is exactly what was typed.
                field.clear().await?;
                eventually(
                    Duration::from_secs(10),
                    || case_summary(&db, &title),
                    |s| s.is_empty(),
                )
                .await?;
            } else {
                let shown = ui.value("case-summary").await?;
                ensure!(
                    shown == expected,
                    "after kill {round} the case editor shows {shown:?}, expected {expected:?}"
                );
                let status = ui.el("case-save-status").await?;
                let state = status.attr("data-status").await?.unwrap_or_default();
                ensure!(
                    state != "error",
                    "the case editor reports an error after restart"
                );
                if round == 1 {
                    ui.screen("case-after-kill").await?;
                }
            }
            type_keys(&field, &chunk).await?;
            let last_key = Instant::now();
            // Typed a moment ago, not yet written: "Lagret" would be a lie.
            let status = ui.text("case-save-status").await?;
            ensure!(
                !status.contains("Lagret"),
                "the status says {status:?} before the pause after the last key"
            );
            Ok(last_key)
        });
        typed += chunk.chars().count();
        expected.push_str(&chunk);
        let after = kill_after(app, last_key, Duration::from_millis(*delay))
            .await
            .expect("kill");
        // Within the saver's pause (0.8 s): a later kill would prove nothing.
        assert!(
            after < Duration::from_millis(*delay + 100),
            "the kill came {after:?} after the last key, not {delay} ms"
        );
    }

    // The last restart: the record and the window have every character, once; after the pause
    // the status says "Lagret".
    let app = h.launch(&db).await.expect("launch");
    launch_step!(h, app, "case-final", async {
        let mut ui = h.ui(&app);
        let got = eventually(
            Duration::from_secs(15),
            || case_summary(&db, &title),
            |s| *s == expected,
        )
        .await?;
        eprintln!(
            "e2e: case editor: {typed} characters typed over {} kills, {} in the record",
            CASE_KILL_DELAYS_MS.len(),
            got.chars().count()
        );
        ensure!(
            got == expected,
            "after the last kill the record has {} of {typed} characters:\nrecord: {got:?}\ntyped:  {expected:?}",
            got.chars().count()
        );
        open_demo_meeting(&ui).await?;
        ui.click("agenda-open-case").await?;
        let shown = ui.value("case-summary").await?;
        ensure!(shown == expected, "the case editor shows {shown:?}");
        // One more key, then the pause: only now may it say "Lagret", and the record agrees.
        let field = ui.el("case-summary").await?;
        field.send_keys(".").await?;
        expected.push('.');
        ui.wait_text("case-save-status", "Lagret").await?;
        ensure!(
            case_summary(&db, &title)? == expected,
            "the status says Lagret, but the record lacks the last key"
        );
        journal_emptied(&db).await?;
        ui.screen("case-final").await?;
        Ok(())
    });
    app.close().await;
    h.assert_accessible();
}

/// The new-innspill field's text as the window shows it.
async fn innspill_draft(ui: &Ui<'_>) -> TestResult<String> {
    ui.value("innspill-input").await
}

/// Opens live mode on the demo meeting's first item. Tried again if the window moves away
/// meanwhile (on a first start it may still settle on the body it shows).
async fn open_live(ui: &Ui<'_>) -> TestResult {
    let mut last = None;
    for _ in 0..3 {
        let attempt = async {
            open_demo_meeting(ui).await?;
            ui.click("start-live").await?;
            ui.el("live-item-title").await?;
            ui.el("innspill-input").await?;
            TestResult::Ok(())
        };
        match attempt.await {
            Ok(()) => return Ok(()),
            Err(e) => {
                eprintln!("e2e: opening live mode again: {e}");
                last = Some(e);
            }
        }
    }
    Err(last.expect("three attempts"))
}

/// The innspill items' texts as the window lists them.
async fn shown_innspill(ui: &Ui<'_>) -> TestResult<Vec<String>> {
    let mut out = Vec::new();
    for el in ui.all("innspill-item").await? {
        out.push(el.text().await?);
    }
    Ok(out)
}

/// How long after Enter each live-mode kill comes: at once, and while the add is under way.
const ENTER_KILL_DELAYS_MS: [u64; 3] = [0, 30, 80];

/// The innspill field in view, for the screenshot (the attendance is unfolded above it).
async fn show_innspill(ui: &Ui<'_>) -> TestResult {
    let input = ui.el("innspill-input").await?;
    ui.c.execute(
        "arguments[0].scrollIntoView({block: 'center'});",
        vec![serde_json::to_value(&input)?],
    )
    .await?;
    Ok(())
}

/// Every text of `want` is in the record exactly once, as a whole innspill of its own, and
/// no innspill holds a piece of another (merged or garbled).
fn each_once(texts: &[String], want: &[String]) -> Result<(), String> {
    for w in want {
        let whole = texts.iter().filter(|t| *t == w).count();
        let within = texts.iter().filter(|t| t.contains(w.as_str())).count();
        if whole != 1 || within != 1 {
            return Err(format!(
                "{w:?} is {whole}× whole and {within}× within {texts:?}"
            ));
        }
    }
    Ok(())
}

/// After a kill just after Enter: every earlier innspill is in the record once; the last one
/// either made it into the record (then the field is empty: no copy comes back) or the kill
/// came before anything of the add was on disk (then it is back in the field, whole and once,
/// and Enter adds it now). Never both, never neither. Leaves live mode open.
async fn check_after_enter_kill(ui: &Ui<'_>, db: &Path, added: &[String]) -> TestResult {
    let (last, earlier) = added.split_last().expect("an innspill was added");
    let texts = eventually(
        Duration::from_secs(15),
        || innspill_texts(db),
        |t| each_once(t, added).is_ok(),
    )
    .await?;
    each_once(&texts, earlier).map_err(|e| format!("after Enter and a kill: {e}"))?;
    open_live(ui).await?;
    let draft = innspill_draft(ui).await?;
    if each_once(&texts, std::slice::from_ref(last)).is_ok() {
        eprintln!("e2e: the innspill added before the kill is in the record once");
        ensure!(
            draft.is_empty(),
            "after Enter and a kill the field shows {draft:?} (a copy of what was added)"
        );
    } else {
        ensure!(
            texts.iter().all(|t| !t.contains(last.as_str())),
            "the record's innspill are {texts:?}"
        );
        ensure!(
            draft == *last,
            "{last:?} is neither in the record nor in the field (it shows {draft:?})"
        );
        eprintln!("e2e: killed before the add reached the disk: the text is back in the field");
        ui.el("innspill-input").await?.send_keys("\u{E007}").await?;
        let texts = eventually(
            Duration::from_secs(15),
            || innspill_texts(db),
            |t| each_once(t, added).is_ok(),
        )
        .await?;
        each_once(&texts, added)?;
    }
    Ok(())
}

/// Live mode, three times: an innspill typed key by key, Enter, the app killed 0–80 ms later;
/// after each restart every added innspill is in the record and the window once and the field
/// is empty (no copy comes back). Then a partial draft is typed and killed: it comes back in
/// the field once, not in the record, not merged with the added ones; Enter adds it once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_innspill_survives_kill_9() {
    let h = Harness::start("kill-live");
    let db = h.data.path().join("kill-live.quorum");
    let partial = "Spesialisthelsetjenesten mener at tidsplanen er for stram og";
    let mut added: Vec<String> = Vec::new();

    for (round, delay) in ENTER_KILL_DELAYS_MS.iter().enumerate() {
        let text = format!(
            "Innspill {}: kommunene ber om en felles plan for innføringen før neste år",
            round + 1
        );
        let app = h.launch(&db).await.expect("launch");
        let last_key = launch_step!(h, app, &format!("live-enter-{round}"), async {
            let mut ui = h.ui(&app);
            if round == 0 {
                open_live(&ui).await?;
            } else {
                check_after_enter_kill(&ui, &db, &added).await?;
                let shown = shown_innspill(&ui).await?;
                for a in &added {
                    ensure!(
                        shown.iter().filter(|t| t.contains(a.as_str())).count() == 1,
                        "the window lists {shown:?}"
                    );
                }
                if round == 1 {
                    show_innspill(&ui).await?;
                    ui.screen("live-after-enter-kill").await?;
                }
            }
            let input = ui.el("innspill-input").await?;
            type_keys(&input, &text).await?;
            input.send_keys("\u{E007}").await?;
            Ok(Instant::now())
        });
        added.push(text);
        kill_after(app, last_key, Duration::from_millis(*delay))
            .await
            .expect("kill");
    }

    // The added innspill are there once each; a partial draft is typed and the app killed.
    let app = h.launch(&db).await.expect("launch");
    let last_key = launch_step!(h, app, "live-partial", async {
        let ui = h.ui(&app);
        check_after_enter_kill(&ui, &db, &added).await?;
        let input = ui.el("innspill-input").await?;
        type_keys(&input, partial).await?;
        Ok(Instant::now())
    });
    kill_after(app, last_key, Duration::from_millis(100))
        .await
        .expect("kill");

    // The partial draft is back in the field once, not in the record; Enter adds it once.
    let app = h.launch(&db).await.expect("launch");
    launch_step!(h, app, "live-restored", async {
        let mut ui = h.ui(&app);
        open_live(&ui).await?;
        let deadline = Instant::now() + WAIT_FOR_UI;
        let mut draft = innspill_draft(&ui).await?;
        while draft != partial && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(150)).await;
            draft = innspill_draft(&ui).await?;
        }
        ensure!(
            draft == partial,
            "after a kill mid-typing the field shows {draft:?}, expected {partial:?}"
        );
        let texts = innspill_texts(&db)?;
        ensure!(
            texts.iter().all(|t| !t.contains(partial)),
            "a draft never added is in the record: {texts:?}"
        );
        show_innspill(&ui).await?;
        ui.screen("live-draft-restored").await?;
        let input = ui.el("innspill-input").await?;
        input.send_keys("\u{E007}").await?;
        ui.wait_text("innspill-item", partial).await?;
        ui.wait_save().await?;
        added.push(partial.to_string());
        let texts = innspill_texts(&db)?;
        each_once(&texts, &added).map_err(|e| format!("after Enter on the restored draft: {e}"))?;
        let shown = shown_innspill(&ui).await?;
        for a in &added {
            ensure!(
                shown.iter().filter(|t| t.contains(a.as_str())).count() == 1,
                "the window lists {shown:?}"
            );
        }
        ensure!(
            innspill_draft(&ui).await?.is_empty(),
            "the field is not empty after Enter"
        );
        journal_emptied(&db).await?;
        eprintln!(
            "e2e: live mode: {} innspill added over {} kills after Enter and one mid-draft, each once in the record",
            added.len(),
            ENTER_KILL_DELAYS_MS.len()
        );
        show_innspill(&ui).await?;
        ui.screen("live-final").await?;
        Ok(())
    });
    app.close().await;
    h.assert_accessible();
}

/// The agenda builder: a duration typed and killed 0.1 s later is in the record after the
/// restart, before the agenda is opened again, and the builder shows it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agenda_duration_survives_kill_9() {
    let h = Harness::start("kill-agenda");
    let db = h.data.path().join("kill-agenda.quorum");

    let app = h.launch(&db).await.expect("launch");
    let (title, want, last_key) = launch_step!(h, app, "agenda-type", async {
        let ui = h.ui(&app);
        open_demo_meeting(&ui).await?;
        let row = ui.el("agenda-row").await?;
        let title = row
            .find(Locator::Css(&css("agenda-title")))
            .await?
            .text()
            .await?
            .trim()
            .to_string();
        let input = row.find(Locator::Css(&css("item-duration"))).await?;
        let before: i64 = input
            .prop("value")
            .await?
            .unwrap_or_default()
            .parse()
            .unwrap_or(0);
        // A value the item does not have, typed over what is there.
        let want = if before == 47 { 53 } else { 47 };
        input.clear().await?;
        type_keys(&input, &want.to_string()).await?;
        Ok((title, want, Instant::now()))
    });
    kill_after(app, last_key, Duration::from_millis(100))
        .await
        .expect("kill");

    let app = h.launch(&db).await.expect("launch");
    launch_step!(h, app, "agenda-after-kill", async {
        let mut ui = h.ui(&app);
        ui.el("nav-meetings").await?;
        let got = eventually(
            Duration::from_secs(15),
            || item_duration(&db, &title),
            |d| *d == want,
        )
        .await?;
        ensure!(
            got == want,
            "the record has {got} min for {title:?}, {want} was typed before the kill"
        );
        open_demo_meeting(&ui).await?;
        let row = ui.el("agenda-row").await?;
        let input = row.find(Locator::Css(&css("item-duration"))).await?;
        let shown = input.prop("value").await?.unwrap_or_default();
        ensure!(shown == want.to_string(), "the builder shows {shown:?} min");
        journal_emptied(&db).await?;
        ui.screen("agenda-after-kill").await?;
        Ok(())
    });
    app.close().await;
    h.assert_accessible();
}
