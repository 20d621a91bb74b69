//! The whole journey of a meeting, in the real window: the secretariat sets up a body, a
//! meeting and its agenda, sends it and exports the agenda; the chair runs the meeting; the
//! app is closed and opened again on the same record and profile, and everything is there,
//! in the window and in the minutes PDF.

use std::path::Path;

use fantoccini::Locator;

use crate::harness::{css, ensure, flat, pdf_text, Harness, TestResult, Ui, WHOLE_SESSION};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

/// Session 1: the secretariat sets up a body, a meeting and its agenda, sends it, exports the
/// agenda; the chair runs the meeting.
async fn before_restart(ui: &mut Ui<'_>) -> TestResult {
    // The first start shows the demo council.
    ui.el("nav-meetings").await?;
    ui.wait_text("meeting-row", "4/2025").await?;
    ui.screen("meetings-demo").await?;

    // A body and its members.
    ui.click("nav-members").await?;
    ui.click("body-new").await?;
    ui.type_into("body-short-name", "Testrådet").await?;
    ui.type_into("body-name", "Testrådet for e-helse").await?;
    ui.type_into("body-secretariat", "Helsedirektoratet")
        .await?;
    ui.type_into("body-place", "Helsedirektoratet, Storo")
        .await?;
    ui.click("body-save").await?;
    ui.wait_text("body-heading", "Testrådet for e-helse")
        .await?;
    for (name, org) in [
        ("Kari Nordmann", "Helse Vest RHF"),
        ("Ola Hansen", "KS"),
        ("Per Olsen", "Oslo kommune"),
    ] {
        ui.click("member-add").await?;
        ui.type_into("member-person-new-name", name).await?;
        ui.type_into("member-person-new-org", org).await?;
        ui.set("member-role", "medlem").await?;
        ui.click("member-save").await?;
        ui.wait_text("member-row", name).await?;
    }
    ui.wait_count("member-row", 3).await?;
    ui.screen("members").await?;

    // A meeting.
    ui.click("nav-meetings").await?;
    ui.click("meeting-new").await?;
    ui.set("meeting-date", "2026-03-12").await?;
    ui.set("meeting-start", "10:00").await?;
    ui.set("meeting-end", "12:00").await?;
    ui.click("meeting-save").await?;
    let row = ui.wait_text("meeting-row", "1/2026").await?;
    eprintln!("e2e: meeting row {row:?}");
    ui.screen("meetings").await?;
    ui.click("view-calendar").await?;
    ui.el("calendar").await?;
    ui.screen("calendar").await?;
    ui.click("view-list").await?;
    ui.open_meeting("1/2026").await?;
    ui.wait_text("meeting-title", "1/2026").await?;

    // The agenda: three cases and a break; the third title is hostile markup.
    for (title, kind, minutes) in [
        ("Budsjett 2027", "Drøfting", "30"),
        ("Digital hjemmeoppfølging", "Orientering", "20"),
    ] {
        ui.click("add-case").await?;
        ui.type_into("new-case-title", title).await?;
        ui.set("new-case-type", kind).await?;
        ui.type_into("new-case-duration", minutes).await?;
        ui.click("new-case-save").await?;
        ui.wait_text("agenda-title", title).await?;
    }
    ui.click("add-break").await?;
    ui.type_into("break-title", "Pause").await?;
    ui.type_into("break-duration", "10").await?;
    ui.click("break-save").await?;
    ui.wait_text("agenda-title", "Pause").await?;
    ui.click("add-case").await?;
    ui.type_into("new-case-title", HOSTILE).await?;
    ui.set("new-case-type", "Godkjenning").await?;
    ui.type_into("new-case-duration", "15").await?;
    ui.click("new-case-save").await?;
    ui.wait_count("agenda-row", 4).await?;
    let mut numbers = Vec::new();
    let mut times = Vec::new();
    for row in ui.all("agenda-row").await? {
        numbers.push(
            row.find(Locator::Css(&css("agenda-number")))
                .await?
                .text()
                .await?
                .trim()
                .to_string(),
        );
        times.push(
            row.find(Locator::Css(&css("agenda-time")))
                .await?
                .text()
                .await?
                .trim()
                .to_string(),
        );
    }
    eprintln!("e2e: agenda numbers {numbers:?}, times {times:?}");
    ensure!(
        numbers == ["1/26", "2/26", "", "3/26"],
        "case numbers {numbers:?}"
    );
    ensure!(
        times == ["10:00", "10:30", "10:50", "11:00"],
        "times {times:?}"
    );
    ui.wait_text("agenda-end", "12:00").await?;
    // The hostile title is text, never markup.
    ui.wait_text("agenda-title", HOSTILE).await?;
    let imgs =
        ui.c.execute("return document.querySelectorAll('img').length", vec![])
            .await?;
    ensure!(
        imgs.as_u64() == Some(0),
        "an <img> appeared in the page: {imgs}"
    );
    ui.screen("agenda").await?;

    // The case editor.
    ui.click("agenda-open-case").await?;
    ui.type_into(
        "case-summary",
        "Rådet drøfter forslaget til budsjett for 2027.",
    )
    .await?;
    ui.wait_text("case-save-status", "Lagret").await?;
    ui.screen("case").await?;
    ui.click("case-meeting").await?;

    // Send the agenda (after a confirmation): numbers are frozen.
    ui.click("send-agenda").await?;
    let ok = ui.wait_css("dialog[open] [data-testid=confirm-ok]").await?;
    ui.click_el(&ok).await?;
    ui.wait_text("meeting-status", "Dagsorden sendt").await?;

    // Export the agenda PDF and read it.
    ui.click("tab-documents").await?;
    ui.set("doc-kind", "agenda").await?;
    ui.click("doc-preview").await?;
    ui.wait_css("[data-testid=pdf-viewer][data-pages]").await?;
    ui.screen("documents").await?;
    ui.click("doc-export").await?;
    let agenda_pdf = ui.exported_file(".pdf").await?;
    let agenda = flat(&pdf_text(&agenda_pdf)?);
    for want in [
        "Møte i Testrådet for e-helse",
        "Møte 1/2026",
        "12. mars 2026",
        "Kl. 10.00 – 12.00",
        "1/26",
        "Budsjett 2027",
        "2/26",
        "Digital hjemmeoppfølging",
        "Pause",
        "3/26",
        HOSTILE,
        "Slutt",
        "Kari Nordmann (Helse Vest RHF)",
    ] {
        ensure!(
            agenda.contains(want),
            "the agenda PDF lacks {want:?}:\n{agenda}"
        );
    }
    ensure!(
        agenda.find("10:00") < agenda.find("10:30") && agenda.find("10:30") < agenda.find("11:00"),
        "times out of order"
    );

    // Meeting mode: attendance with a substitute, innspill, decisions and an action point.
    ui.click("tab-agenda").await?;
    ui.click("start-live").await?;
    ui.el("live-item-title").await?;
    live_attendance(ui).await?;
    ui.wait_text("live-item-title", "Budsjett 2027").await?;
    for text in [
        "Budsjettet må prioritere drift",
        "Kommunene trenger forutsigbarhet",
    ] {
        ui.type_into("innspill-input", text).await?;
        ui.el("innspill-input").await?.send_keys("\u{E007}").await?;
        ui.wait_text("innspill-item", text).await?;
    }
    let focused =
        ui.c.execute(
            "return document.activeElement.getAttribute('data-testid')",
            vec![],
        )
        .await?;
    ensure!(
        focused.as_str() == Some("innspill-input"),
        "after Enter the focus is on {focused}"
    );
    ui.click("decision-as-proposed").await?;
    ui.wait_save().await?;
    ui.screen("live").await?;
    ui.click("live-next").await?;
    ui.wait_text("live-item-title", "Digital hjemmeoppfølging")
        .await?;
    ui.type_into(
        "decision-text",
        "Testrådet tok orienteringen til etterretning og ba om en ny sak.",
    )
    .await?;
    ui.el("decision-amended").await?;
    ui.type_into(
        "action-text",
        "Sekretariatet legger fram en ny sak om hjemmeoppfølging",
    )
    .await?;
    ui.type_into("action-responsible", "Helsedirektoratet")
        .await?;
    ui.click("action-add").await?;
    ui.wait_text("action-item", "ny sak om hjemmeoppfølging")
        .await?;
    ui.wait_save().await?;
    ui.screen("live-amended").await?;
    Ok(())
}

/// Kari present, Ola absent with Eva Berg (KS) standing in, Per present remotely.
async fn live_attendance(ui: &mut Ui<'_>) -> TestResult {
    let row = |name: &'static str| format!("[data-testid=attendance-row][data-person=\"{name}\"]");
    let within =
        |name: &'static str, testid: &'static str| format!("{} {}", row(name), css(testid));
    ui.wait_css(&within("Kari Nordmann", "attendance-present"))
        .await?
        .click()
        .await?;
    ui.wait_css(&within("Per Olsen", "attendance-present"))
        .await?
        .click()
        .await?;
    ui.wait_css(&within("Per Olsen", "attendance-remote"))
        .await?
        .click()
        .await?;
    ui.wait_css(&within("Ola Hansen", "attendance-substitute"))
        .await?
        .click()
        .await?;
    ui.type_into("substitute-new-name", "Eva Berg").await?;
    ui.type_into("substitute-new-org", "KS").await?;
    ui.click("substitute-save").await?;
    ui.wait_css("[data-testid=attendance-row][data-person=\"Eva Berg\"]")
        .await?;
    Ok(())
}

/// Session 2, after the app was closed and opened again: everything is there, and the minutes
/// PDF shows it.
async fn after_restart(ui: &mut Ui<'_>) -> TestResult {
    // The app returns to the same item of the meeting.
    let title = ui
        .wait_text("live-item-title", "Digital hjemmeoppfølging")
        .await?;
    eprintln!("e2e: after the restart the chair is on {title:?}");
    let decision = ui.value("decision-text").await?;
    ensure!(
        decision.contains("ba om en ny sak"),
        "the amended decision after restart: {decision:?}"
    );
    ui.el("decision-amended").await?;
    ui.wait_text("action-item", "ny sak om hjemmeoppfølging")
        .await?;
    ui.screen("live-after-restart").await?;
    ui.click("live-prev").await?;
    ui.wait_text("live-item-title", "Budsjett 2027").await?;
    ui.wait_count("innspill-item", 2).await?;
    ui.wait_css("[data-testid=attendance-row][data-person=\"Eva Berg\"]")
        .await?;

    // The minutes PDF.
    ui.click("nav-meetings").await?;
    ui.open_meeting("1/2026").await?;
    ui.wait_text("meeting-title", "1/2026").await?;
    ui.click("tab-minutes").await?;
    ui.el("minutes-preview").await?;
    ui.screen("minutes").await?;
    ui.click("tab-documents").await?;
    ui.set("doc-kind", "minutes").await?;
    ui.click("doc-export").await?;
    let minutes_pdf = ui.exported_file("Referat").await?;
    let minutes = flat(&pdf_text(&minutes_pdf)?);
    for want in [
        "Referat fra møte i Testrådet for e-helse",
        "Eva Berg, KS, stiller for Ola Hansen",
        "Kari Nordmann (Helse Vest RHF)",
        "Innspill:",
        "Budsjettet må prioritere drift",
        "Kommunene trenger forutsigbarhet",
        "Vedtak:",
        "Testrådet for e-helse drøftet saken.",
        "Vedtak oppdatert:",
        "Testrådet tok orienteringen til etterretning og ba om en ny sak.",
        "Aksjonspunkt:",
        "Sekretariatet legger fram en ny sak om hjemmeoppfølging",
        HOSTILE,
    ] {
        ensure!(
            minutes.contains(want),
            "the minutes PDF lacks {want:?}:\n{minutes}"
        );
    }

    // Members' archive: search with highlighted hits.
    ui.click("nav-archive").await?;
    ui.type_into("search-input", "budsjett").await?;
    ui.wait_text("search-hit", "Budsjett 2027").await?;
    ui.wait_css("[data-testid=search-snippet] mark").await?;
    ui.screen("archive").await?;
    ui.type_into("search-input", "img").await?;
    ui.wait_text("search-hit-title", HOSTILE).await?;
    let imgs =
        ui.c.execute("return document.querySelectorAll('img').length", vec![])
            .await?;
    ensure!(
        imgs.as_u64() == Some(0),
        "an <img> appeared in the archive: {imgs}"
    );
    ui.click("nav-about").await?;
    ui.el("app-version").await?;
    ui.screen("about").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secretariat_and_chair_work_through_a_meeting() {
    let h = Harness::start("journey");
    // A fresh record for this run, with non-ASCII in the path on purpose.
    let db_dir = h.data.path().join("sekretær-møterom");
    std::fs::create_dir_all(&db_dir).unwrap();
    let db_path = db_dir.join("quorum.db");

    // Two sessions on the same record and profile: the second starts the app anew, as a user
    // who closed it in the middle of the meeting and opened it again.
    let mut outcome: TestResult = Ok(());
    for session in 1..=2 {
        let run = tokio::time::timeout(WHOLE_SESSION, async {
            let app = h.launch(&db_path).await?;
            let mut ui = h.ui(&app);
            let result = if session == 1 {
                first_session(&mut ui, &h.info.version, &db_path).await
            } else {
                after_restart(&mut ui).await
            };
            if result.is_err() {
                h.failure_shots(&app, &format!("session-{session}")).await;
            }
            h.screen_grab(&format!("screen-session-{session}.png"));
            app.close().await;
            result
        })
        .await
        .unwrap_or_else(|_| {
            Err(format!("session {session} took longer than {WHOLE_SESSION:?}").into())
        });
        if let Err(e) = run {
            outcome = Err(format!("session {session}: {e}").into());
            break;
        }
        eprintln!("e2e: session {session} passed");
    }
    if let Err(e) = outcome {
        panic!(
            "e2e failed: {e}\n(tauri-driver's output: {}/tauri-driver-*.log)",
            h.artifacts.display()
        );
    }
    h.assert_accessible();
    eprintln!("e2e: passed");
}

/// The first session: the window is the right one (version, record path, language, CSP), then
/// the whole secretariat and chair flow.
async fn first_session(ui: &mut Ui<'_>, version: &str, db_path: &Path) -> TestResult {
    let title = ui.c.title().await?;
    ensure!(title == "Quorum", "window title is {title:?}");
    let lang =
        ui.c.execute("return document.documentElement.lang", vec![])
            .await?;
    ensure!(
        lang.as_str() == Some("nb"),
        "default language should be nb, is {lang}"
    );
    // The strict CSP from tauri.conf.json is in force: no eval.
    let csp_probe = ui
        .c
        .execute("try { new Function('return 1')(); return 'eval allowed'; } catch (e) { return 'eval blocked'; }", vec![])
        .await?;
    ensure!(
        csp_probe.as_str() == Some("eval blocked"),
        "the CSP must forbid eval, probe said {csp_probe}"
    );
    ui.click("nav-about").await?;
    let shown = ui.text("app-version").await?;
    ensure!(
        shown == version,
        "version shown {shown:?}, expected {version:?}"
    );
    let path = ui.text("db-path").await?;
    ensure!(
        path == db_path.display().to_string(),
        "record path shown {path:?} (QUORUM_DB must reach the app)"
    );
    ui.click("nav-meetings").await?;
    before_restart(ui).await
}
