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
use crate::field::{
    patched, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T, Value,
};
use crate::model::{Layout, RetornoEntry, Titulo};
use crate::record::Record;
use rust_decimal::Decimal;

const SRC: &str =
    "Banco Safra, Manual Cobrança Produto 001, Layout Padrão Safra 400, versão dez/2016";
const SRC_REM: &str = "Banco Safra, Layout Padrão Safra 400 dez/2016, §6.1 arquivo remessa";
const SRC_RET: &str = "Banco Safra, Layout Padrão Safra 400 dez/2016, §6.2 arquivo retorno";

/// Remessa — header (§6.1).
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_remessa", 3, 9).default("REMESSA"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 19).default("COBRANCA"),
        F::blank("brancos_1", 20, 26),
        F::num("agencia", 27, 31).role(R::Agencia),
        F::num("conta", 32, 39).role(R::Conta),
        F::alpha("conta_dv", 40, 40).role(R::ContaDv),
        F::blank("brancos_2", 41, 46),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 90).default("BANCO SAFRA"),
        F::blank("brancos_3", 91, 94),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos_4", 101, 391),
        F::num("numero_arquivo", 392, 394).role(R::Nsa),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — detalhe tipo 1, registro de transação (§6.1 detalhe and continuação).
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3).role(R::EmpresaTipoInscricao),
        F::alpha("empresa_inscricao", 4, 17).role(R::EmpresaInscricao),
        F::num("agencia", 18, 22).role(R::Agencia),
        F::num("conta", 23, 30).role(R::Conta),
        F::alpha("conta_dv", 31, 31).role(R::ContaDv),
        F::blank("brancos_1", 32, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 71).role(R::NossoNumero),
        F::blank("brancos_2", 72, 101),
        F::num("codigo_iof", 102, 102).default("0"),
        F::num("codigo_moeda", 103, 104).default("00"),
        F::blank("brancos_3", 105, 105),
        F::num("instrucao_3", 106, 107).role(R::ProtestoPrazo),
        F::num("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_depositario", 140, 142).role(R::BancoCodigo),
        F::num("agencia_depositaria", 143, 147),
        F::num("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158),
        F::num("instrucao_2", 159, 160).role(R::ProtestoCodigo),
        F::dec("juros_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("data_desconto", 174, 179).role(R::DescontoData),
        F::dec("valor_desconto", 180, 192, 2).role(R::DescontoValor),
        F::dec("valor_iof", 193, 205, 2).role(R::Iof),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 324).role(R::PagadorBairro),
        F::blank("brancos_4", 325, 326),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_nome", 352, 381).role(R::SacadorNome),
        F::blank("brancos_5", 382, 388),
        F::num("banco_emitente", 389, 391),
        F::num("numero_arquivo", 392, 394).role(R::Nsa),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — registro tipo 2, e-mail do pagador / sacador avalista (optional; read only).
pub const EMAIL_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_email_sacador",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::alpha("pagador_email", 2, 51),
        F::blank("brancos_1", 52, 151),
        F::alpha("sacador_nome", 152, 191),
        F::alpha("sacador_tipo_pessoa", 192, 192),
        F::alpha("sacador_inscricao", 193, 206),
        F::alpha("sacador_endereco", 207, 246),
        F::alpha("sacador_bairro", 247, 261),
        F::alpha("sacador_cidade", 262, 281),
        F::alpha("sacador_cep", 282, 289),
        F::alpha("sacador_uf", 290, 291),
        F::blank("brancos_2", 292, 391),
        F::num("numero_arquivo", 392, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — registro tipo 4, código da NF-e (optional; read only).
pub const NFE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_nfe",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "4"),
        F::alpha("codigo_nfe", 2, 45),
        F::blank("brancos", 46, 391),
        F::num("numero_arquivo", 392, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — trailer (§6.1 registro trailler).
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos", 2, 368),
        F::num("quantidade_titulos", 369, 376).role(R::QtdTitulos),
        F::dec("valor_total", 377, 391, 2).role(R::ValorTotal),
        F::num("numero_arquivo", 392, 394).role(R::Nsa),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — header (§6.2).
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    source: SRC_RET,
    fields: patched!(
        HEADER_REMESSA.fields,
        [
            F::alpha("literal_retorno", 3, 9).default("RETORNO"),
            F::alpha("banco_nome", 80, 84).default("SAFRA"),
            F::blank("brancos_3", 85, 94),
        ]
    ),
    ..HEADER_REMESSA
};

/// Retorno — detalhe tipo 1 (§6.2).
pub const DETALHE_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3),
        F::alpha("empresa_inscricao", 4, 17),
        F::num("agencia", 18, 22),
        F::num("conta", 23, 30),
        F::alpha("conta_dv", 31, 31),
        F::blank("brancos_1", 32, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 71).role(R::NossoNumero),
        F::blank("brancos_2", 72, 102),
        F::alpha("ocorrencia_origem", 103, 104),
        F::alpha("motivo_rejeicao", 105, 107).role(R::Motivos),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::alpha("nosso_numero_confirmacao", 127, 135),
        F::blank("brancos_3", 136, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
        F::alpha("especie", 174, 175),
        F::dec("tarifa_cobranca", 176, 188, 2).role(R::Tarifa),
        F::dec("outras_despesas", 189, 201, 2).role(R::OutrasDespesas),
        F::dec("zeros", 202, 214, 2),
        F::dec("valor_iof", 215, 227, 2).role(R::Iof),
        F::dec("valor_abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("valor_desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_creditos", 280, 292, 2).role(R::OutrosCreditos),
        F::alpha("codigo_moeda", 293, 295),
        F::date6("data_credito", 296, 301).role(R::DataCredito),
        F::blank("brancos_4", 302, 307),
        F::alpha("beneficiario_transferido", 308, 321),
        F::alpha("indicador_dda", 322, 322),
        F::alpha("meio_liquidacao", 323, 324),
        F::blank("brancos_5", 325, 376),
        F::alpha("seu_numero_15", 377, 391),
        F::num("numero_arquivo", 392, 394).role(R::Nsa),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — trailer (§6.2): "posição atual da cobrança simples" and "vinculada": the carteira's totals, shown, never
/// compared with the file.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::alpha("codigo_arquivo", 2, 2).default("2"),
        F::alpha("codigo_servico", 3, 4).default("01"),
        F::num("banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_1", 8, 17),
        F::num("simples_quantidade", 18, 25).total(T::quantidade(S::Carteira("simples"))),
        F::dec("simples_valor", 26, 39, 2).total(T::valor_titulo(S::Carteira("simples"))),
        F::num("simples_aviso", 40, 47),
        F::blank("brancos_2", 48, 97),
        F::num("vinculada_quantidade", 98, 105).total(T::quantidade(S::Carteira("vinculada"))),
        F::dec("vinculada_valor", 106, 119, 2).total(T::valor_titulo(S::Carteira("vinculada"))),
        F::num("vinculada_aviso", 120, 127),
        F::blank("brancos_3", 128, 391),
        F::num("numero_arquivo", 392, 394).role(R::Nsa),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

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
