//! `cnab parse --format csv|ndjson`: the normalized model as rows for pipelines.
//!
//! CSV: a header row, then one row per entry (retorno) or título (remessa), every row with the same columns.
//! Money is a plain decimal with a dot and two places (`1234.50`), dates are ISO (`2024-03-15`), an absent value
//! is an empty cell; motivos are `code` values joined by `;`. NDJSON: one entry (or título) per line, each the
//! same JSON object `cnab parse` prints inside `entries` (or `titulos`).

use chrono::NaiveDate;
use cnab_core::{CnabFile, Pessoa};
use rust_decimal::Decimal;

use crate::out::Out;
use crate::Fail;

/// Columns of a retorno entry, in order (the names shared with the Arrow columns come from `cnab-arrow`).
pub(crate) const RETORNO_COLUMNS: &[&str] = cnab_arrow::column_names!(
    ["banco", "line"],
    cnab_arrow::KEY_COLUMNS,
    [
        "ocorrencia",
        "ocorrencia_kind",
        "ocorrencia_descricao",
        "motivos"
    ],
    cnab_arrow::DATE_COLUMNS,
    cnab_arrow::AMOUNT_COLUMNS,
    ["pagador_inscricao", "pagador_nome"],
    cnab_arrow::COBRADOR_COLUMNS,
    ["pix_txid"],
);

/// Columns of a remessa título, in order (the título's identification named as the retorno's, from `cnab-arrow`).
pub(crate) const REMESSA_COLUMNS: &[&str] = cnab_arrow::column_names!(
    ["banco", "line", "movimento"],
    cnab_arrow::KEY_COLUMNS,
    [
        "especie",
        "aceite",
        "emissao",
        "vencimento",
        "valor",
        "juros_codigo",
        "juros_valor",
        "multa_codigo",
        "multa_valor",
        "desconto_codigo",
        "desconto_data",
        "desconto_valor",
        "abatimento",
        "iof",
        "protesto_codigo",
        "protesto_prazo",
        "baixa_codigo",
        "baixa_prazo",
        "pagador_inscricao",
        "pagador_nome",
        "pagador_endereco",
        "pagador_bairro",
        "pagador_cep",
        "pagador_cidade",
        "pagador_uf",
        "sacador_avalista_inscricao",
        "sacador_avalista_nome",
        "mensagens",
    ],
);

fn money(d: Option<Decimal>) -> String {
    d.map_or_else(String::new, |d| format!("{d:.2}"))
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn csv_err(e: csv::Error) -> Fail {
    Fail(1, format!("writing CSV: {e}"))
}

/// The rows of a file, header first.
pub(crate) fn csv_rows(file: &CnabFile) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    match file {
        CnabFile::Retorno(r) => {
            let banco = r.bank.to_string();
            rows.push(RETORNO_COLUMNS.iter().map(|c| c.to_string()).collect());
            for e in &r.entries {
                let oc = e.ocorrencia.as_ref();
                let kind = oc
                    .and_then(|o| serde_json::to_value(o.kind).ok())
                    .and_then(|v| v.as_str().map(str::to_string));
                rows.push(vec![
                    banco.clone(),
                    e.line.to_string(),
                    e.nosso_numero.clone(),
                    opt(e.nosso_numero_dv.as_ref()),
                    e.seu_numero.clone(),
                    e.uso_empresa.clone(),
                    e.carteira.clone(),
                    e.variacao.clone(),
                    opt(oc.map(|o| &o.code)),
                    opt(kind),
                    opt(oc.map(|o| &o.description)),
                    e.motivos
                        .iter()
                        .map(|m| m.code.as_str())
                        .collect::<Vec<_>>()
                        .join(";"),
                    date(e.data_ocorrencia),
                    date(e.data_credito),
                    date(e.vencimento),
                    money(e.valor_titulo),
                    money(e.valor_pago),
                    money(e.valor_creditado),
                    money(e.juros_multa),
                    money(e.juros),
                    money(e.multa),
                    money(e.desconto),
                    money(e.abatimento),
                    money(e.iof),
                    money(e.tarifa),
                    money(e.outras_despesas),
                    money(e.outros_creditos),
                    opt(e.pagador.as_ref().map(|p| &p.inscricao.numero)),
                    opt(e.pagador.as_ref().map(|p| &p.nome)),
                    e.banco_cobrador.clone(),
                    e.agencia_cobradora.clone(),
                    opt(e.pix.as_ref().map(|p| &p.txid)),
                ]);
            }
        }
        CnabFile::Remessa(r) => {
            let banco = opt(r.bank);
            rows.push(REMESSA_COLUMNS.iter().map(|c| c.to_string()).collect());
            for t in &r.titulos {
                let sa: Option<&Pessoa> = t.sacador_avalista.as_ref();
                rows.push(vec![
                    banco.clone(),
                    t.line.to_string(),
                    t.movimento.clone(),
                    t.nosso_numero.clone(),
                    opt(t.nosso_numero_dv.as_ref()),
                    t.seu_numero.clone(),
                    t.uso_empresa.clone(),
                    t.carteira.clone(),
                    t.variacao.clone(),
                    t.especie.clone(),
                    t.aceite.clone(),
                    date(t.emissao),
                    date(t.vencimento),
                    money(Some(t.valor)),
                    t.juros.codigo.clone(),
                    money(t.juros.valor),
                    t.multa.codigo.clone(),
                    money(t.multa.valor),
                    t.desconto.codigo.clone(),
                    date(t.desconto.data),
                    money(t.desconto.valor),
                    money(t.abatimento),
                    money(t.iof),
                    t.protesto.codigo.clone(),
                    opt(t.protesto.prazo),
                    t.baixa.codigo.clone(),
                    opt(t.baixa.prazo),
                    t.pagador.inscricao.numero.clone(),
                    t.pagador.nome.clone(),
                    t.pagador.endereco.clone(),
                    t.pagador.bairro.clone(),
                    t.pagador.cep.clone(),
                    t.pagador.cidade.clone(),
                    t.pagador.uf.clone(),
                    opt(sa.map(|p| &p.inscricao.numero)),
                    opt(sa.map(|p| &p.nome)),
                    t.mensagens.join("\n"),
                ]);
            }
        }
    }
    rows
}

/// Writes the file as CSV.
pub(crate) fn write_csv(out: &mut Out, file: &CnabFile) -> Result<(), Fail> {
    let mut buf = Vec::with_capacity(1 << 16);
    for (i, row) in csv_rows(file).into_iter().enumerate() {
        // the header row is not an entry
        crate::progress::set(i as u64);
        {
            let mut w = csv::Writer::from_writer(&mut buf);
            w.write_record(&row).map_err(csv_err)?;
            w.flush()
                .map_err(|e| Fail(1, format!("writing CSV: {e}")))?;
        }
        if buf.len() >= 1 << 16 {
            out.write_all(&buf)?;
            buf.clear();
            if out.is_closed() {
                return Ok(());
            }
        }
    }
    out.write_all(&buf)
}

/// Writes the file as NDJSON: one entry (or título) per line.
pub(crate) fn write_ndjson(out: &mut Out, file: &CnabFile) -> Result<(), Fail> {
    fn each<T: serde::Serialize>(out: &mut Out, items: &[T]) -> Result<(), Fail> {
        for (i, item) in items.iter().enumerate() {
            crate::progress::set(i as u64 + 1);
            out.json_line(item)?;
            if out.is_closed() {
                break;
            }
        }
        Ok(())
    }
    match file {
        CnabFile::Retorno(r) => each(out, &r.entries),
        CnabFile::Remessa(r) => each(out, &r.titulos),
    }
}

#[cfg(test)]
mod tests {
    /// The CSV header, laid out from `cnab-arrow`'s groups, is the one `cnab parse --format csv` has always written.
    #[test]
    fn the_retorno_header_is_unchanged() {
        assert_eq!(
            super::RETORNO_COLUMNS.join(","),
            "banco,line,nosso_numero,nosso_numero_dv,seu_numero,uso_empresa,carteira,variacao,ocorrencia,\
             ocorrencia_kind,ocorrencia_descricao,motivos,data_ocorrencia,data_credito,vencimento,valor_titulo,\
             valor_pago,valor_creditado,juros_multa,juros,multa,desconto,abatimento,iof,tarifa,outras_despesas,\
             outros_creditos,pagador_inscricao,pagador_nome,banco_cobrador,agencia_cobradora,pix_txid"
        );
    }
}
