//! Banco Safra — CNAB 400 cobrança (layout padrão Safra 400, produto 001).
//!
//! Source: Banco Safra, "Manual de Transferência de Arquivos — Cobrança, Produto 001, Layout Padrão Safra 400",
//! versão dezembro/2016 (`docs/Safra/safra_cobranca2016.pdf` in kivanio/brcobranca): §6.1 remessa (header, detalhe
//! tipo 1, tipo 2 e-mail/sacador avalista, tipo 4 NFe, trailer, notas 6.1.1-6.1.9), §6.2 retorno (header, detalhe,
//! trailer, nota 6.2.1 motivos de rejeição, 6.2.2 ocorrências). No independent implementation of this manual was
//! found in the stored snapshots (brcobranca has only the Safra boleto; OpenCnabPHP `B422/remessa/cnab400` is a
//! Bradesco-layout table, not this manual's), so positions come from the manual alone; a unit test in
//! `banks::tests` checks every table is contiguous and 400 long.
//!
//! Model mapping:
//! - código da empresa (27-40 header, 18-31 detalhe) = agência 5 + conta 9 with its dígito: roles `Agencia` (5),
//!   `Conta` (8), `ContaDv` (1);
//! - nosso número 63-71 is 9 digits, the last one the módulo-11 dígito (§7.1): kept whole in `nosso_numero`;
//! - instrução 2 (159-160) feeds `protesto.codigo` ("10" = protestar) and instrução 3 (106-107) `protesto.prazo`;
//! - multa (nota 6.1.8): on an entrada (movimento 01) a multa rides in the abatimento field — 206-211 date,
//!   212-215 percentage 99v99, 216-218 zeros — with instrução 1 (157-158) = "16". [`write_hook`] writes it from
//!   `titulo.multa` and [`titulo_hook`] reads it back (and clears the abatimento it is not);
//! - "número do arquivo" (392-394 of every record) = `header.nsa`;
//! - retorno: the motivo de rejeição (105-107) has 3 digits; the generic motivo splitter cuts pairs, so
//!   [`retorno_hook`] rebuilds `motivos` from the field; "valor pago" (254-266) feeds `valor_pago`.
//!
//! The manual demands CR LF line endings (§5: "0D 0A (Final de Registro)").

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::{described_motivo, ENTRY_TIPO_1};
use crate::field::{RecordLayout, Value};
use crate::model::{Layout, RetornoEntry, Titulo};
use crate::record::Record;
use rust_decimal::Decimal;

const SRC: &str =
    "Banco Safra, Manual Cobrança Produto 001, Layout Padrão Safra 400, versão dez/2016";

records!("safra/cnab400-records");

/// Remessa — códigos de ocorrência (nota 6.1.3).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("safra/cnab400-movimentos");

/// Retorno — códigos de ocorrência (nota 6.2.2).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("safra/cnab400-ocorrencias");

/// Retorno — códigos de motivo de rejeição (nota 6.2.1, 3 digits at 105-107).
pub const MOTIVOS: &[MotivoDef] = codes!("safra/cnab400-motivos");

const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_REMESSA),
    (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
    (RecordKey::Detail(b'2'), &EMAIL_REMESSA),
    (RecordKey::Detail(b'4'), &NFE_REMESSA),
    (RecordKey::FileTrailer, &TRAILER_REMESSA),
];

const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::read_only(RecordKey::Detail(b'2')),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
];

const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] =
    &records400(&HEADER_RETORNO, &DETALHE_RETORNO, &TRAILER_RETORNO);

/// Instrução 1 code meaning "multa in the abatimento field" (nota 6.1.5 / 6.1.8).
const INSTRUCAO_MULTA: &[u8] = b"16";

fn put(line: &mut [u8], start: usize, end: usize, bytes: &[u8]) {
    if let Some(dst) = line.get_mut(start.saturating_sub(1)..end) {
        if dst.len() == bytes.len() {
            dst.copy_from_slice(bytes);
        }
    }
}

/// On an entrada with a multa, writes the multa in the abatimento field
/// (nota 6.1.8: 206-211 ddmmaa, 212-215 percentual 99v99, 216-218 zeros, instrução 1 = 16).
#[allow(clippy::ptr_arg)] // the signature is `bank::WriteHook`
pub fn write_hook(line: &mut Vec<u8>, key: RecordKey, t: &Titulo) {
    if key != RecordKey::Detail(b'1') {
        return;
    }
    let entrada = t.movimento.is_empty() || t.movimento == "01";
    let (Some(valor), Some(data)) = (t.multa.valor, t.multa.data) else {
        return;
    };
    if !entrada || valor.is_zero() || t.abatimento.is_some_and(|a| !a.is_zero()) {
        return;
    }
    let pct = (valor * Decimal::from(100)).round();
    let Ok(pct) = u32::try_from(pct.mantissa() / 10i128.pow(pct.scale())) else {
        return;
    };
    if pct > 9999 {
        return;
    }
    let text = format!("{}{pct:04}000", data.format("%d%m%y"));
    put(line, 206, 218, text.as_bytes());
    put(line, 157, 158, INSTRUCAO_MULTA);
}

/// Reads a multa carried in the abatimento field (nota 6.1.8) back into `titulo.multa`.
pub fn titulo_hook(t: &mut Titulo, records: &[Record<'_>]) {
    let Some(r) = records.first() else { return };
    if r.raw("instrucao_1") != Some(INSTRUCAO_MULTA) {
        return;
    }
    let Some(raw) = r.raw("valor_abatimento") else {
        return;
    };
    let (Some(d), Some(p)) = (raw.get(0..6), raw.get(6..10)) else {
        return;
    };
    let Ok(d) = std::str::from_utf8(d) else {
        return;
    };
    let Ok(p) = std::str::from_utf8(p) else {
        return;
    };
    let Ok(data) = chrono::NaiveDate::parse_from_str(d, "%d%m%y") else {
        return;
    };
    let Ok(p) = p.parse::<i64>() else { return };
    t.multa.codigo = "2".into();
    t.multa.data = Some(data);
    t.multa.valor = Some(Decimal::new(p, 2));
    t.abatimento = None;
}

/// Rebuilds the 3-digit motivo de rejeição (105-107), which the generic splitter would cut in pairs.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let Some(r) = records.first() else { return };
    let code = match r.get("motivo_rejeicao") {
        Some(Ok(Value::Text(s))) => s.trim().to_string(),
        _ => String::new(),
    };
    e.motivos = if code.is_empty() || code.bytes().all(|b| b == b'0') {
        Vec::new()
    } else {
        vec![described_motivo(code, MOTIVOS)]
    };
}

/// Safra CNAB 400 remessa (layout padrão Safra 400, dez/2016).
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    RECORDS_REMESSA,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SRC,
)
.titulo_hook(titulo_hook)
.write_hook(write_hook);

/// Safra CNAB 400 retorno (layout padrão Safra 400, dez/2016).
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RECORDS_RETORNO,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SRC,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OcorrenciaKind as K;

    #[test]
    fn motivo_codes_are_three_digits() {
        assert!(MOTIVOS.iter().all(|m| m.code.len() == 3));
        assert_eq!(
            RETORNO.ocorrencia("06").map(|o| o.kind),
            Some(K::Liquidacao)
        );
    }
}
