//! Every retorno fixture as columns: one row per entry, and every amount column's total equal to the model's.

use std::path::Path;

use arrow_array::{Array, Date32Array, StringArray, UInt64Array};
use cnab_core::{ReadOptions, RetornoEntry, RetornoReader};
use rust_decimal::Decimal;

fn retornos() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    for bank in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for layout in std::fs::read_dir(bank.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let dir = layout.path().join("retorno");
            for f in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                if f.path().extension().is_some_and(|x| x == "ret") {
                    out.push(f.path());
                }
            }
        }
    }
    out.sort();
    out
}

type Amount = fn(&RetornoEntry) -> Option<Decimal>;

#[test]
fn every_fixture_row_count_and_totals() {
    let files = retornos();
    assert!(files.len() > 10, "found {} retorno fixtures", files.len());
    let mut checked = 0;
    for path in files {
        let data = std::fs::read(&path).unwrap_or_default();
        let Ok(r) = cnab_core::read_retorno(&data, ReadOptions::default()) else {
            continue; // a fixture the core refuses is the core's business
        };
        let batch = cnab_arrow::entries_batch(&r.entries).unwrap_or_else(|e| {
            panic!("{}: {e}", path.display());
        });
        assert_eq!(batch.num_rows(), r.entries.len(), "{}", path.display());
        assert_eq!(batch.schema(), cnab_arrow::schema());
        let fields: [(&str, Amount); 4] = [
            ("valor_pago", |e| e.valor_pago),
            ("valor_titulo", |e| e.valor_titulo),
            ("tarifa", |e| e.tarifa),
            ("juros_multa", |e| e.juros_multa),
        ];
        for (name, f) in fields {
            let want: Decimal = r.entries.iter().filter_map(f).sum();
            let got = cnab_arrow::column_total(&batch, name).unwrap_or_default();
            assert_eq!(got, want, "{} {name}", path.display());
        }
        let nn = batch
            .column_by_name("nosso_numero")
            .and_then(|c| c.as_any().downcast_ref::<StringArray>().cloned());
        let lines = batch
            .column_by_name("line")
            .and_then(|c| c.as_any().downcast_ref::<UInt64Array>().cloned());
        let dates = batch
            .column_by_name("data_ocorrencia")
            .and_then(|c| c.as_any().downcast_ref::<Date32Array>().cloned());
        let (Some(nn), Some(lines), Some(dates)) = (nn, lines, dates) else {
            panic!("columns missing");
        };
        for (i, e) in r.entries.iter().enumerate() {
            assert_eq!(nn.value(i), e.nosso_numero);
            assert_eq!(lines.value(i), e.line as u64);
            assert_eq!(dates.value_as_date(i), e.data_ocorrencia);
        }
        checked += 1;
    }
    assert!(checked > 10, "{checked} fixtures read");
}

#[test]
fn streaming_batches_equal_the_whole_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/341-itau/cnab240/retorno/retorno.ret");
    let data = std::fs::read(&path).unwrap_or_default();
    let whole =
        cnab_core::read_retorno(&data, ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let reader = RetornoReader::new(std::io::Cursor::new(data), ReadOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let batches: Vec<_> = cnab_arrow::EntryBatches::new(reader, 1)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(batches.len(), whole.entries.len());
    let total: Decimal = batches
        .iter()
        .filter_map(|b| cnab_arrow::column_total(b, "valor_pago"))
        .sum();
    assert_eq!(
        total,
        whole
            .entries
            .iter()
            .filter_map(|e| e.valor_pago)
            .sum::<Decimal>()
    );
    assert!(total > Decimal::ZERO);
}

#[test]
fn an_amount_with_more_than_two_decimals_is_an_error_not_rounded() {
    let e = RetornoEntry {
        line: 7,
        valor_pago: Some(Decimal::new(127505, 3)),
        ..RetornoEntry::default()
    };
    let err = cnab_arrow::entries_batch(&[e]).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("line 7 (valor_pago): the amount 127.505 does not fit Decimal128(18, 2) exactly")
    );
}
