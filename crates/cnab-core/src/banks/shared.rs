//! What several banks' CNAB 400 modules share: records their manuals print word for word (a bank module takes one with
//! its own `source`, the manual page that prints it, via struct update syntax, so each bank's table still cites its
//! manual), the common one-record entry, and the helpers their retorno hooks use to read a motivo.

use crate::bank::{EntryRecord, MotivoDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::Motivo;

/// CNAB 400 trailer de arquivo made of the record type, blanks and the sequence number: printed as such by the
/// CNAB 400 manuals of Banco do Brasil (CBR641 remessa), Banco do Nordeste, Bradesco, BV, Citibank, CrediSIS, Fibra,
/// Itaú, Ourinvest and Unicred (each bank's table names its page).
pub const TRAILER_400: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "CNAB 400 trailer de arquivo (tipo 9, brancos, sequencial)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos", 2, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// The entry of a CNAB 400 layout whose títulos are one registro de transação tipo 1 each, with no optional records
/// (the retornos of most banks, some remessas).
pub const ENTRY_TIPO_1: &[EntryRecord] = &[EntryRecord::first(RecordKey::Detail(b'1'))];

/// A motivo field's text, trimmed; `None` when it is blank or all zeros, which the CNAB 400 manuals use for "no
/// motivo". For the retorno hooks that read a motivo the generic two-digit splitter would cut.
pub(crate) fn motivo_text(raw: &[u8]) -> Option<String> {
    let text = crate::field::decode_text(raw).trim().to_string();
    (!text.is_empty() && !text.bytes().all(|b| b == b'0')).then_some(text)
}

/// The motivo `code` with its description from `table` (looked up by code alone), or none when it is not listed.
pub(crate) fn described_motivo(code: String, table: &[MotivoDef]) -> Motivo {
    let description = table
        .iter()
        .find(|m| m.code == code)
        .map(|m| m.description.to_string());
    Motivo { code, description }
}
