//! `quorum_rank(search_index)`, the search's ranking function, registered on every connection.
//!
//! It scores a row as FTS5's bm25 does (k1 = 1.2, b = 0.75: term frequency against the row's
//! length) but without the inverse document frequency. bm25 computes that on each query by
//! counting every row that holds each phrase: a pass over the phrase's whole doclist, over a
//! millisecond for a common word or a short prefix on a twenty-year record, while a search ranks
//! only the newest few hundred matching rows. For a one-word query the order is bm25's own
//! (the frequency is the same factor for every row); with several words, each weighs the same.
//!
//! This is the project's one `unsafe` code: FTS5 takes auxiliary functions only through its C
//! API (`fts5_api`), which rusqlite does not wrap. The function reads what FTS5 hands it and
//! writes nothing.

use crate::error::{Error, Result};
use rusqlite::ffi;
use rusqlite::Connection;
use std::ffi::{c_int, c_void};
use std::ptr;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Registers `quorum_rank` for FTS5 tables on `conn`.
pub(crate) fn register(conn: &Connection) -> Result<()> {
    let failed = || {
        Error::Db(rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_ERROR),
            Some("FTS5 is not available: the search's ranking cannot be registered".into()),
        ))
    };
    // SAFETY: `db` is the open connection's handle, used on this thread only while `conn` is
    // borrowed. The statement is finalised before returning. `api` is written by SQLite (through
    // the pointer bound as "fts5_api_ptr", as FTS5's documentation prescribes) and points to
    // FTS5's static API object, valid for the connection's lifetime.
    unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let rc = ffi::sqlite3_prepare_v2(
            db,
            c"SELECT fts5(?1)".as_ptr(),
            -1,
            &mut stmt,
            ptr::null_mut(),
        );
        if rc != ffi::SQLITE_OK {
            return Err(failed());
        }
        let mut api: *mut ffi::fts5_api = ptr::null_mut();
        ffi::sqlite3_bind_pointer(
            stmt,
            1,
            (&mut api as *mut *mut ffi::fts5_api).cast::<c_void>(),
            c"fts5_api_ptr".as_ptr(),
            None,
        );
        ffi::sqlite3_step(stmt);
        ffi::sqlite3_finalize(stmt);
        if api.is_null() {
            return Err(failed());
        }
        let Some(create) = (*api).xCreateFunction else {
            return Err(failed());
        };
        let rc = create(
            api,
            c"quorum_rank".as_ptr(),
            ptr::null_mut(),
            Some(rank),
            None,
        );
        if rc != ffi::SQLITE_OK {
            return Err(failed());
        }
    }
    Ok(())
}

/// The auxiliary function: the row's score, lower is better (as bm25's).
unsafe extern "C" fn rank(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    _n_args: c_int,
    _args: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 calls this with its API object and the context of the current row.
    match unsafe { score(&*api, fts) } {
        Ok(s) => unsafe { ffi::sqlite3_result_double(ctx, s) },
        Err(rc) => unsafe { ffi::sqlite3_result_error_code(ctx, rc) },
    }
}

/// -Σ over the query's phrases of tf·(k1 + 1) / (tf + k1·(1 − b + b·len / avglen)), for the
/// indexed column (0, the text).
///
/// # Safety
/// `api` and `fts` must be what FTS5 passed to an auxiliary function for the current row.
unsafe fn score(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
) -> std::result::Result<f64, c_int> {
    let (
        Some(row_count),
        Some(total_size),
        Some(column_size),
        Some(phrase_count),
        Some(inst_count),
        Some(inst),
    ) = (
        api.xRowCount,
        api.xColumnTotalSize,
        api.xColumnSize,
        api.xPhraseCount,
        api.xInstCount,
        api.xInst,
    )
    else {
        return Err(ffi::SQLITE_ERROR);
    };
    let ok = |rc: c_int| {
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(rc)
        }
    };
    // SAFETY (all calls): FTS5's own API on its own context, with out-pointers to locals.
    let (mut rows, mut tokens, mut len, mut n_inst) = (0i64, 0i64, 0 as c_int, 0 as c_int);
    ok(unsafe { row_count(fts, &mut rows) })?;
    ok(unsafe { total_size(fts, 0, &mut tokens) })?;
    ok(unsafe { column_size(fts, 0, &mut len) })?;
    ok(unsafe { inst_count(fts, &mut n_inst) })?;
    let phrases = usize::try_from(unsafe { phrase_count(fts) }).unwrap_or(0);
    let mut tf = vec![0.0f64; phrases];
    for i in 0..n_inst {
        let (mut phrase, mut col, mut off) = (0 as c_int, 0 as c_int, 0 as c_int);
        ok(unsafe { inst(fts, i, &mut phrase, &mut col, &mut off) })?;
        if col == 0 {
            if let Some(f) = usize::try_from(phrase).ok().and_then(|p| tf.get_mut(p)) {
                *f += 1.0;
            }
        }
    }
    let avg = if rows > 0 && tokens > 0 {
        tokens as f64 / rows as f64
    } else {
        1.0
    };
    let norm = K1 * (1.0 - B + B * f64::from(len) / avg);
    Ok(-tf.iter().map(|f| f * (K1 + 1.0) / (f + norm)).sum::<f64>())
}
