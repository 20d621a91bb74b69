//! `quorum backup` and `quorum restore`: checked copies of the record and putting one back.

use super::files::{refuse_record_file, refuse_record_path};
use super::{Ctx, R};
use crate::output::Done;
use quorum_record::Lang;
use std::path::Path;

fn size(bytes: u64) -> String {
    format!("{} kB", bytes.div_ceil(1024))
}

/// A checked backup to `file`, or into the backups folder beside the record; or the list.
pub fn backup(cx: &Ctx, file: Option<&Path>, list: bool) -> R<Done> {
    if list {
        let backups = cx.store.backups()?;
        let mut text = String::new();
        if backups.is_empty() {
            text += &cx.say("Ingen sikkerhetskopier ennå.\n", "No backups yet.\n");
        }
        for b in &backups {
            text += &format!(
                "{} {:<18} {:>8}  {}\n",
                b.date.format("%Y-%m-%d"),
                b.kind.label(cx.lang),
                size(b.size),
                b.path.display()
            );
        }
        return Ok(Done::new(&backups, text));
    }
    let made = match file {
        Some(f) => {
            refuse_record_file(cx, f)?;
            cx.store.backup_to(f)?
        }
        None => cx.store.backup(quorum_record::backup::local_now())?,
    };
    let text = format!(
        "{} {} ({}, {})",
        cx.say("Sikkerhetskopi skrevet til", "Backup written to"),
        made.path.display(),
        size(made.size),
        cx.say("kontrollert", "checked")
    );
    Ok(Done::new(&made, text))
}

/// Replaces the record at `record` by the backup `file`; no store is open on the record.
pub fn restore(record: &Path, file: &Path, lang: Lang) -> R<Done> {
    refuse_record_path(record, file)?;
    let done = quorum_record::backup::restore(record, file, quorum_record::backup::local_now())?;
    let mut text = format!(
        "{} {} {} {}",
        lang.pick("Gjenopprettet", "Restored"),
        done.record.display(),
        lang.pick("fra", "from"),
        done.from.display()
    );
    if let Some(kept) = &done.kept {
        text += &format!(
            "\n{} {}",
            lang.pick(
                "Registeret slik det var, er tatt vare på i",
                "The record as it was is kept in"
            ),
            kept.display()
        );
    }
    Ok(Done::new(&done, text))
}
