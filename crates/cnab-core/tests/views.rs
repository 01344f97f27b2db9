//! Entry views (`read_retorno_view`, `RetornoViewReader`) give what the owned readers give: on every fixture and
//! every file of the real-file corpus (retornos, remessas refused alike, files of other products), lenient and
//! strict, whole file and streamed, each view's fields and `to_owned()` equal to the owned entry, the same
//! problems, header and record count. With `damage.rs` (the same check on damaged files) this carries the owned
//! reader's conservation guarantee over to the views: every detail line ends in an entry or a problem.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "common/views.rs"]
mod views_check;

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if !p
            .extension()
            .is_some_and(|x| x == "json" || x == "tsv" || x == "md")
        {
            out.push(p);
        }
    }
}

fn check_all(dir: &Path) -> (usize, usize) {
    let mut paths = Vec::new();
    files(dir, &mut paths);
    paths.sort();
    let mut failures = Vec::new();
    let mut entries = 0;
    for p in &paths {
        let bytes = std::fs::read(p).unwrap();
        match views_check::views_agree(&bytes) {
            Ok(n) => entries += n,
            Err(e) => failures.push(format!("{}: {e}", p.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    (paths.len(), entries)
}

#[test]
fn views_equal_the_owned_model_on_every_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let (files, entries) = check_all(&dir);
    // 34 retornos and 34 remessas; the retornos have entries.
    assert!(files >= 68, "{files} fixture files");
    assert!(entries > 100, "{entries} entries compared");
}

#[test]
fn views_equal_the_owned_model_on_every_real_file() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if !dir.is_dir() {
        eprintln!("corpus absent: skipping");
        return;
    }
    let (files, entries) = check_all(&dir);
    assert!(files > 100, "{files} corpus files");
    assert!(entries > 1000, "{entries} entries compared");
}

#[test]
fn a_view_names_its_records_and_reads_fields_on_demand() {
    let bytes = cnab_core::tutorial::ITAU_240_RETORNO;
    let v = cnab_core::read_retorno_view(bytes, cnab_core::ReadOptions::strict()).unwrap();
    assert_eq!(v.len(), 2);
    let e = v.entry(0).unwrap();
    let names: Vec<&str> = e.records().map(|r| r.layout.name).collect();
    assert_eq!(names, ["segmento_t", "segmento_u"]);
    assert_eq!(e.nosso_numero(), "12345678");
    // Borrowed from the input: no copy of the field.
    assert!(matches!(e.nosso_numero(), std::borrow::Cow::Borrowed(_)));
    let o = e.ocorrencia().unwrap();
    assert!(matches!(o.description, std::borrow::Cow::Borrowed(_)));
    // The table row found when the entry was read: its index in the layout's table, and the row itself.
    let spec = cnab_core::banks::spec(341)
        .unwrap()
        .layout(
            cnab_core::Layout::Cnab240,
            cnab_core::FileKind::Retorno,
            &v.header.layout_versao,
        )
        .unwrap();
    let (i, row) = e.ocorrencia_row().unwrap();
    assert!(std::ptr::eq(row, &spec.ocorrencias[i]));
    assert_eq!((row.code, row.kind), ("06", o.kind));
    assert_eq!(o.code, "06");
    assert_eq!(row.description, o.description);
    assert!(v.entry(2).is_none());
}

/// Where a bank rule rewrites entries (Santander's Pix), a `RetornoView` builds each entry once and keeps it: two
/// views of the same entry read the same built values (the same bytes in memory), equal to the owned entry.
#[test]
fn a_rewritten_entry_is_built_once_per_retorno_view() {
    use std::borrow::Cow;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/033-santander");
    for layout in ["cnab240", "cnab400"] {
        let bytes = std::fs::read(dir.join(layout).join("retorno/retorno.ret")).unwrap();
        let view = cnab_core::read_retorno_view(&bytes, cnab_core::ReadOptions::default()).unwrap();
        let owned = cnab_core::read_retorno(&bytes, cnab_core::ReadOptions::default()).unwrap();
        assert!(!view.is_empty(), "{layout}");
        let mut compared = 0;
        for (i, o) in owned.entries.iter().enumerate() {
            let (a, b) = (view.entry(i).unwrap(), view.entry(i).unwrap());
            let (x, y) = (a.nosso_numero(), b.nosso_numero());
            assert_eq!(x, o.nosso_numero.as_str(), "{layout} entry {i}");
            match (&x, &y) {
                // (an empty string's pointer says nothing)
                (Cow::Borrowed(x), Cow::Borrowed(y)) if !x.is_empty() => {
                    assert!(
                        std::ptr::eq(x.as_ptr(), y.as_ptr()),
                        "{layout} entry {i} built twice"
                    );
                    compared += 1;
                }
                (Cow::Borrowed(_), Cow::Borrowed(_)) => {}
                _ => panic!("{layout} entry {i}: not read from the built entry"),
            }
            assert_eq!(&b.to_owned(), o, "{layout} entry {i}");
        }
        assert!(compared > 0, "{layout}");
    }
}
