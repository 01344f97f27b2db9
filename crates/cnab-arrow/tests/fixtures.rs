//! Every retorno fixture as columns: one row per entry, and every amount column's total equal to the model's.

#![allow(clippy::panic)] // the helpers below are test code too

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

/// A cell as text (`None` for null), whatever the column's type: amounts in centavos as `"12750"`, dates as
/// `"2024-03-15"`, booleans as `"true"`.
fn cell(col: &dyn Array, i: usize) -> Option<String> {
    use arrow_array::{BooleanArray, Decimal128Array, UInt8Array};
    if col.is_null(i) {
        return None;
    }
    let a = col.as_any();
    if let Some(c) = a.downcast_ref::<StringArray>() {
        return Some(c.value(i).to_owned());
    }
    if let Some(c) = a.downcast_ref::<UInt64Array>() {
        return Some(c.value(i).to_string());
    }
    if let Some(c) = a.downcast_ref::<UInt8Array>() {
        return Some(c.value(i).to_string());
    }
    if let Some(c) = a.downcast_ref::<Date32Array>() {
        return c.value_as_date(i).map(|d| d.to_string());
    }
    if let Some(c) = a.downcast_ref::<Decimal128Array>() {
        return Some(c.value(i).to_string());
    }
    if let Some(c) = a.downcast_ref::<BooleanArray>() {
        return Some(c.value(i).to_string());
    }
    panic!("unexpected column type {:?}", col.data_type())
}

/// What column `name` must hold for entry `e`, from the model itself.
fn expected(e: &RetornoEntry, name: &str) -> Option<String> {
    let cents = |v: Option<Decimal>| v.map(|v| (v * Decimal::from(100)).trunc().to_string());
    let oc = e.ocorrencia.as_ref();
    let pg = e.pagador.as_ref();
    let px = e.pix.as_ref();
    let s = |v: &str| Some(v.to_owned());
    match name {
        "line" => Some(e.line.to_string()),
        "last_line" => Some(e.last_line.to_string()),
        "nosso_numero" => s(&e.nosso_numero),
        "nosso_numero_dv" => e.nosso_numero_dv.clone(),
        "seu_numero" => s(&e.seu_numero),
        "uso_empresa" => s(&e.uso_empresa),
        "carteira" => s(&e.carteira),
        "variacao" => s(&e.variacao),
        "ocorrencia_code" => oc.map(|o| o.code.clone()),
        "ocorrencia_kind" => oc.map(|o| cnab_arrow::kind_name(o.kind).to_owned()),
        "ocorrencia_description" => oc.map(|o| o.description.clone()),
        "data_ocorrencia" => e.data_ocorrencia.map(|d| d.to_string()),
        "data_credito" => e.data_credito.map(|d| d.to_string()),
        "vencimento" => e.vencimento.map(|d| d.to_string()),
        "valor_titulo" => cents(e.valor_titulo),
        "valor_pago" => cents(e.valor_pago),
        "valor_creditado" => cents(e.valor_creditado),
        "juros_multa" => cents(e.juros_multa),
        "juros" => cents(e.juros),
        "multa" => cents(e.multa),
        "desconto" => cents(e.desconto),
        "abatimento" => cents(e.abatimento),
        "iof" => cents(e.iof),
        "tarifa" => cents(e.tarifa),
        "outras_despesas" => cents(e.outras_despesas),
        "outros_creditos" => cents(e.outros_creditos),
        "pagador_inscricao_tipo" => pg.and_then(|p| p.inscricao.tipo).map(|t| t.to_string()),
        "pagador_inscricao_numero" => pg.map(|p| p.inscricao.numero.clone()),
        "pagador_nome" => pg.map(|p| p.nome.clone()),
        "pagador_endereco" => pg.map(|p| p.endereco.clone()),
        "pagador_bairro" => pg.map(|p| p.bairro.clone()),
        "pagador_cep" => pg.map(|p| p.cep.clone()),
        "pagador_cidade" => pg.map(|p| p.cidade.clone()),
        "pagador_uf" => pg.map(|p| p.uf.clone()),
        "pix_tipo_chave" => px.map(|p| p.tipo_chave.clone()),
        "pix_chave" => px.map(|p| p.chave.clone()),
        "pix_url" => px.map(|p| p.url.clone()),
        "pix_txid" => px.map(|p| p.txid.clone()),
        "pix_emv" => px.map(|p| p.emv.clone()),
        "pago_por_pix" => e.pago_por_pix.map(|b| b.to_string()),
        "banco_cobrador" => s(&e.banco_cobrador),
        "agencia_cobradora" => s(&e.agencia_cobradora),
        other => panic!("a column the test does not know: {other}"),
    }
}

#[test]
fn every_cell_of_every_fixture_equals_the_model() {
    use arrow_array::{ListArray, StructArray};
    let mut cells = 0usize;
    // the fixtures and, where the checkout has it beside it, the real-file corpus (pix, pago_por_pix, motivos)
    for path in fixtures_and_corpus() {
        let data = std::fs::read(&path).unwrap_or_default();
        let Ok(r) = cnab_core::read_retorno(&data, ReadOptions::default()) else {
            continue;
        };
        let batch = cnab_arrow::entries_batch(&r.entries).unwrap_or_else(|e| {
            panic!("{}: {e}", path.display());
        });
        let schema = batch.schema();
        for (j, field) in schema.fields().iter().enumerate() {
            let col = batch.column(j);
            for (i, e) in r.entries.iter().enumerate() {
                if field.name() == "motivos" {
                    let list = col
                        .as_any()
                        .downcast_ref::<ListArray>()
                        .unwrap_or_else(|| panic!("motivos"));
                    let v = list.value(i);
                    let items = v
                        .as_any()
                        .downcast_ref::<StructArray>()
                        .unwrap_or_else(|| panic!("item"));
                    assert_eq!(
                        items.len(),
                        e.motivos.len(),
                        "{} line {}",
                        path.display(),
                        e.line
                    );
                    for (k, m) in e.motivos.iter().enumerate() {
                        assert_eq!(
                            cell(items.column(0).as_ref(), k).as_deref(),
                            Some(m.code.as_str())
                        );
                        assert_eq!(cell(items.column(1).as_ref(), k), m.description.clone());
                    }
                } else {
                    assert_eq!(
                        cell(col.as_ref(), i),
                        expected(e, field.name()),
                        "{} line {} column {}",
                        path.display(),
                        e.line,
                        field.name()
                    );
                }
                cells += 1;
            }
        }
    }
    assert!(cells > 3_000, "{cells} cells checked");
}

/// Entry views ([`cnab_arrow::BatchBuilder::push_view`]) give the batch the owned entries give, on every fixture and
/// real retorno.
#[test]
fn views_give_the_batch_of_the_owned_entries() {
    let mut rows = 0;
    for path in fixtures_and_corpus() {
        let data = std::fs::read(&path).unwrap_or_default();
        let Ok(r) = cnab_core::read_retorno(&data, ReadOptions::lenient()) else {
            continue;
        };
        let view = cnab_core::read_retorno_view(&data, ReadOptions::lenient())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut b = cnab_arrow::BatchBuilder::with_capacity(view.len());
        for e in view.entries() {
            b.push_view(&e)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let got = b
            .finish()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let want = cnab_arrow::entries_batch(&r.entries)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(got, want, "{}", path.display());
        rows += got.num_rows();
        // Streamed as views, a few entries per batch: the same rows, batch by batch.
        let reader = cnab_core::RetornoViewReader::new(&data[..], ReadOptions::lenient())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut at = 0;
        for batch in cnab_arrow::ViewBatches::new(reader, 7) {
            let batch = batch.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(batch.num_rows() <= 7);
            assert_eq!(
                batch,
                want.slice(at, batch.num_rows()),
                "{}",
                path.display()
            );
            at += batch.num_rows();
        }
        assert_eq!(at, want.num_rows(), "{}", path.display());
    }
    assert!(rows > 500, "{rows} rows compared");
}

/// A strict read error ends the streamed batches, after the entries read before it, naming the file.
#[test]
fn view_batches_end_at_the_first_error_naming_the_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/341-itau/cnab240/retorno/retorno.ret");
    let data = std::fs::read(&path).unwrap_or_default();
    // Without its last line (the file trailer), the strict read fails at the end.
    let body = data.get(..data.len().saturating_sub(2)).unwrap_or_default();
    let end = body.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let cut = data.get(..end).unwrap_or_default();
    let want = match cnab_core::RetornoReader::new(cut, ReadOptions::strict())
        .unwrap_or_else(|e| panic!("{e}"))
        .find_map(Result::err)
    {
        Some(e) => e.with_file("cut.ret"),
        None => panic!("the cut file reads without error"),
    };
    let reader = cnab_core::RetornoViewReader::new(cut, ReadOptions::strict())
        .unwrap_or_else(|e| panic!("{e}"));
    let out: Vec<_> = cnab_arrow::ViewBatches::new(reader, 1000)
        .naming(Some("cut.ret".into()))
        .collect();
    assert_eq!(out.len(), 2, "a batch, then the error");
    let rows = out
        .first()
        .and_then(|b| b.as_ref().ok())
        .map(|b| b.num_rows());
    assert_eq!(rows, Some(2));
    let err = out
        .get(1)
        .and_then(|b| b.as_ref().err())
        .map(|e| e.to_string());
    assert_eq!(err, Some(format!("External error: {want}")));
}

/// The fixtures and, where the checkout has it beside it, every file of the real-file corpus.
fn fixtures_and_corpus() -> Vec<std::path::PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    let mut files = retornos();
    let mut dirs = vec![corpus];
    while let Some(d) = dirs.pop() {
        for f in std::fs::read_dir(d).into_iter().flatten().flatten() {
            let p = f.path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files
}

/// The batch of a file's entry views and the batch of its owned entries (lenient reading), or their errors as text;
/// `None` when the file does not read as a retorno.
#[allow(clippy::type_complexity)]
fn both_batches(
    data: &[u8],
) -> Option<(
    Result<arrow_array::RecordBatch, String>,
    Result<arrow_array::RecordBatch, String>,
)> {
    let r = cnab_core::read_retorno(data, ReadOptions::lenient()).ok()?;
    let view = cnab_core::read_retorno_view(data, ReadOptions::lenient()).ok()?;
    let mut b = cnab_arrow::BatchBuilder::with_capacity(view.len());
    let mut got = Ok(());
    for e in view.entries() {
        if let Err(e) = b.push_view(&e) {
            got = Err(e.to_string());
            break;
        }
    }
    let got = got.and_then(|()| b.finish().map_err(|e| e.to_string()));
    let want = cnab_arrow::entries_batch(&r.entries).map_err(|e| e.to_string());
    Some((got, want))
}

/// Damaged fields: in the first entries of every fixture and real retorno, each field with a role is replaced in
/// turn by blanks, zeros, a letter among digits, a Windows-1252 letter, or digits with spaces around them; the
/// views' one-pass rows still equal the owned entries' (the model's precedence between fields of the same role, its
/// handling of values that do not decode, and its text decoding).
#[test]
fn views_give_the_owned_batch_on_damaged_fields() {
    let mut compared = 0;
    let mut differed_from_clean = 0;
    for path in fixtures_and_corpus() {
        let data = std::fs::read(&path).unwrap_or_default();
        if data.len() > 200_000 {
            continue; // a few large files would only repeat the same layouts
        }
        let Ok(view) = cnab_core::read_retorno_view(&data, ReadOptions::lenient()) else {
            continue;
        };
        // Where each line starts.
        let mut starts = vec![0usize];
        starts.extend(
            data.iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut places = Vec::new();
        for e in view.entries().take(2) {
            for r in e.records() {
                let Some(&start) = starts.get(r.line - 1) else {
                    continue;
                };
                for f in r.layout.fields.iter().filter(|f| f.role.is_some()) {
                    let (a, b) = (start + f.start as usize - 1, start + f.end as usize);
                    if data.get(a..b).is_some_and(|s| !s.contains(&b'\n')) {
                        places.push((a, b));
                    }
                }
            }
        }
        let clean = both_batches(&data).map(|(_, want)| want);
        for (k, (a, b)) in places.into_iter().enumerate() {
            let mut bad = data.clone();
            let field = bad.get_mut(a..b).unwrap_or_default();
            let n = field.len();
            match k % 5 {
                0 => field.fill(b' '),
                1 => field.fill(b'0'),
                2 => {
                    field.fill(b'1');
                    if let Some(x) = field.get_mut(n / 2) {
                        *x = b'X';
                    }
                }
                3 => {
                    field.fill(b' ');
                    if let Some(x) = field.first_mut() {
                        *x = 0xC7; // Ç in Windows-1252
                    }
                }
                _ => {
                    field.fill(b' ');
                    if let Some(x) = field.get_mut(n / 2) {
                        *x = b'7';
                    }
                }
            }
            let Some((got, want)) = both_batches(&bad) else {
                continue;
            };
            assert_eq!(
                got,
                want,
                "{} bytes {a}..{b} variant {}",
                path.display(),
                k % 5
            );
            compared += 1;
            if Some(&want) != clean.as_ref() {
                differed_from_clean += 1;
            }
        }
    }
    assert!(compared > 1_000, "{compared} damaged files compared");
    assert!(
        differed_from_clean > 500,
        "{differed_from_clean} damaged files changed the batch"
    );
}
