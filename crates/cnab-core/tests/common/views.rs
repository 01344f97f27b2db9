//! Entry views against the owned model: the same read, entry for entry, field for field, problem for problem,
//! whole file and streamed. Shared by `views.rs` (every fixture and real file) and `damage.rs` (damaged files).
#![allow(dead_code)]

use std::io::BufReader;

use cnab_core::{
    read_retorno, read_retorno_view, EntryView, Error, ReadOptions, RetornoEntry, RetornoReader,
    RetornoViewReader,
};

/// Every accessor of the view against the owned entry's field, then `to_owned` against the whole entry.
pub fn entry_agrees(v: &EntryView<'_>, o: &RetornoEntry) -> Result<(), String> {
    macro_rules! same {
        ($a:expr, $b:expr, $what:literal) => {
            if $a != $b {
                return Err(format!(
                    "line {}: {}: view {:?}, owned {:?}",
                    o.line, $what, $a, $b
                ));
            }
        };
    }
    same!(v.line(), o.line, "line");
    same!(v.last_line(), o.last_line, "last_line");
    same!(v.nosso_numero(), o.nosso_numero.as_str(), "nosso_numero");
    same!(
        v.nosso_numero_dv().as_deref(),
        o.nosso_numero_dv.as_deref(),
        "nosso_numero_dv"
    );
    same!(v.seu_numero(), o.seu_numero.as_str(), "seu_numero");
    same!(v.uso_empresa(), o.uso_empresa.as_str(), "uso_empresa");
    same!(v.carteira(), o.carteira.as_str(), "carteira");
    same!(v.variacao(), o.variacao.as_str(), "variacao");
    same!(
        v.banco_cobrador(),
        o.banco_cobrador.as_str(),
        "banco_cobrador"
    );
    same!(
        v.agencia_cobradora(),
        o.agencia_cobradora.as_str(),
        "agencia_cobradora"
    );
    let oc = v
        .ocorrencia()
        .map(|x| (x.code.into_owned(), x.kind, x.description.into_owned()));
    let want = o
        .ocorrencia
        .as_ref()
        .map(|x| (x.code.clone(), x.kind, x.description.clone()));
    same!(oc, want, "ocorrencia");
    // The table row found when the entry was read: the row of the owned entry's code, kind and description; none
    // only for an unknown code, no ocorrência, or an entry a bank rule rewrites.
    let row = v
        .ocorrencia_row()
        .map(|(_, d)| (d.code.to_string(), d.kind, d.description.to_string()));
    match row {
        Some(_) => same!(row, want, "ocorrencia_row"),
        None if v.rewritten().is_none() => same!(
            want.as_ref().map(|w| w.1),
            want.as_ref()
                .map(|_| cnab_core::OcorrenciaKind::Desconhecida),
            "ocorrencia_row (none)"
        ),
        None => {}
    }
    let motivos: Vec<(String, Option<String>)> = v
        .motivos()
        .into_iter()
        .map(|m| (m.code.into_owned(), m.description.map(|d| d.into_owned())))
        .collect();
    let want: Vec<(String, Option<String>)> = o
        .motivos
        .iter()
        .map(|m| (m.code.clone(), m.description.clone()))
        .collect();
    same!(motivos, want, "motivos");
    same!(v.data_ocorrencia(), o.data_ocorrencia, "data_ocorrencia");
    same!(v.data_credito(), o.data_credito, "data_credito");
    same!(v.vencimento(), o.vencimento, "vencimento");
    same!(v.valor_titulo(), o.valor_titulo, "valor_titulo");
    same!(v.valor_pago(), o.valor_pago, "valor_pago");
    same!(v.valor_creditado(), o.valor_creditado, "valor_creditado");
    same!(v.juros_multa(), o.juros_multa, "juros_multa");
    same!(v.juros(), o.juros, "juros");
    same!(v.multa(), o.multa, "multa");
    same!(v.desconto(), o.desconto, "desconto");
    same!(v.abatimento(), o.abatimento, "abatimento");
    same!(v.iof(), o.iof, "iof");
    same!(v.tarifa(), o.tarifa, "tarifa");
    same!(v.outras_despesas(), o.outras_despesas, "outras_despesas");
    same!(v.outros_creditos(), o.outros_creditos, "outros_creditos");
    // Every amount again, read in one walk.
    use cnab_core::Role;
    let amounts = v.amounts([
        Role::ValorTitulo,
        Role::ValorPago,
        Role::ValorCreditado,
        Role::JurosMulta,
        Role::Juros,
        Role::Multa,
        Role::Desconto,
        Role::Abatimento,
        Role::Iof,
        Role::Tarifa,
        Role::OutrasDespesas,
        Role::OutrosCreditos,
        Role::NossoNumero,
    ]);
    let want = [
        o.valor_titulo,
        o.valor_pago,
        o.valor_creditado,
        o.juros_multa,
        o.juros,
        o.multa,
        o.desconto,
        o.abatimento,
        o.iof,
        o.tarifa,
        o.outras_despesas,
        o.outros_creditos,
        None,
    ];
    same!(amounts, want, "amounts");
    same!(v.pagador(), o.pagador, "pagador");
    same!(v.pix(), o.pix, "pix");
    same!(v.pago_por_pix(), o.pago_por_pix, "pago_por_pix");
    same!(&v.to_owned(), o, "to_owned");
    Ok(())
}

/// The whole-file view read against `read_retorno` with the same options: both fail with the same error, or both
/// read the same header, entries, problems and record count. Gives how many entries were compared.
pub fn whole_agrees(bytes: &[u8], opts: ReadOptions) -> Result<usize, String> {
    match (read_retorno(bytes, opts), read_retorno_view(bytes, opts)) {
        (Err(a), Err(b)) if a == b => Ok(0),
        (Ok(o), Ok(v)) => {
            if v.len() != o.entries.len() {
                return Err(format!(
                    "{} view entries, {} owned",
                    v.len(),
                    o.entries.len()
                ));
            }
            for (ve, oe) in v.entries().zip(&o.entries) {
                entry_agrees(&ve, oe)?;
            }
            for (i, oe) in o.entries.iter().enumerate() {
                let ve = v.entry(i).ok_or("entry(i) missing")?;
                if &ve.to_owned() != oe {
                    return Err(format!("entry({i}) differs"));
                }
            }
            if v.problems != o.problems {
                return Err(format!(
                    "problems: view {:?}, owned {:?}",
                    v.problems, o.problems
                ));
            }
            if v.header != o.header || v.bank != o.bank || v.layout != o.layout {
                return Err("header, bank or layout differ".into());
            }
            if v.record_count() != o.records.len() {
                return Err(format!(
                    "record_count {} against {} records",
                    v.record_count(),
                    o.records.len()
                ));
            }
            Ok(o.entries.len())
        }
        (a, b) => Err(format!(
            "owned {:?} / view {:?}",
            a.map(|r| r.entries.len()),
            b.map(|r| r.len())
        )),
    }
}

/// What a streaming reader gave: the entries, then the problems at the end or the error that stopped it.
type Streamed = (Vec<RetornoEntry>, Result<Vec<Error>, Error>);

fn owned_stream(bytes: &[u8], opts: ReadOptions) -> Streamed {
    let mut rd = match RetornoReader::new(BufReader::new(bytes), opts) {
        Ok(rd) => rd,
        Err(e) => return (Vec::new(), Err(e)),
    };
    let mut entries = Vec::new();
    for item in rd.by_ref() {
        match item {
            Ok(e) => entries.push(e),
            Err(e) => return (entries, Err(e)),
        }
    }
    (entries, Ok(rd.problems().to_vec()))
}

/// The streamed views against `RetornoReader`: the same entries (each view checked field by field), then the same
/// problems or the same error.
pub fn stream_agrees(bytes: &[u8], opts: ReadOptions) -> Result<(), String> {
    let (want, want_end) = owned_stream(bytes, opts);
    // A small buffer, so that lines cross the reader's refills.
    let mut rd = match RetornoViewReader::new(BufReader::with_capacity(64, bytes), opts) {
        Ok(rd) => rd,
        Err(e) => {
            return match want_end {
                Err(w) if w == e && want.is_empty() => Ok(()),
                other => Err(format!("view reader failed to start: {e}; owned {other:?}")),
            }
        }
    };
    let mut n = 0;
    let end = loop {
        match rd.next_entry() {
            None => break Ok(rd.problems().to_vec()),
            Some(Err(e)) => break Err(e),
            Some(Ok(v)) => {
                let o = want
                    .get(n)
                    .ok_or_else(|| format!("view entry {n} beyond the owned reader's"))?;
                entry_agrees(&v, o).map_err(|e| format!("streamed: {e}"))?;
                n += 1;
            }
        }
    };
    if n != want.len() {
        return Err(format!("streamed {n} view entries, {} owned", want.len()));
    }
    if end != want_end {
        return Err(format!("streamed end: view {end:?}, owned {want_end:?}"));
    }
    Ok(())
}

/// The streamed views taken `max` entries at a time (`RetornoViewReader::next_chunk`, each chunk kept until the end,
/// so that every entry is read after the reader has moved on) against `RetornoReader`: the same entries, then the
/// same problems or the same error.
pub fn chunks_agree(bytes: &[u8], opts: ReadOptions, max: usize) -> Result<(), String> {
    let (want, want_end) = owned_stream(bytes, opts);
    let mut rd = match RetornoViewReader::new(BufReader::with_capacity(64, bytes), opts) {
        Ok(rd) => rd,
        Err(e) => {
            return match want_end {
                Err(w) if w == e && want.is_empty() => Ok(()),
                other => Err(format!("view reader failed to start: {e}; owned {other:?}")),
            }
        }
    };
    let mut chunks = Vec::new();
    let end = loop {
        match rd.next_chunk(max) {
            None => break Ok(rd.problems().to_vec()),
            Some(Err(e)) => break Err(e),
            Some(Ok(c)) => {
                if c.is_empty() || c.len() > max {
                    return Err(format!("a chunk of {} entries (max {max})", c.len()));
                }
                chunks.push(c);
            }
        }
    };
    let mut n = 0;
    for c in &chunks {
        for (i, v) in c.entries().enumerate() {
            let o = want
                .get(n)
                .ok_or_else(|| format!("chunked entry {n} beyond the owned reader's"))?;
            entry_agrees(&v, o).map_err(|e| format!("chunks of {max}: {e}"))?;
            let again = c.entry(i).ok_or("entry(i) missing")?;
            if &again.to_owned() != o {
                return Err(format!("chunks of {max}: entry({i}) differs"));
            }
            n += 1;
        }
    }
    if n != want.len() {
        return Err(format!(
            "chunks of {max}: {n} entries, {} owned",
            want.len()
        ));
    }
    if end != want_end {
        return Err(format!("chunks of {max}: end: {end:?}, owned {want_end:?}"));
    }
    Ok(())
}

/// Every check, lenient and strict.
pub fn views_agree(bytes: &[u8]) -> Result<usize, String> {
    let mut n = 0;
    for opts in [ReadOptions::lenient(), ReadOptions::strict()] {
        n += whole_agrees(bytes, opts)?;
        stream_agrees(bytes, opts)?;
        for max in [1, 3, 4096] {
            chunks_agree(bytes, opts, max)?;
        }
    }
    Ok(n)
}
