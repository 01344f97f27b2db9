//! Banrisul (041) — CNAB 400 cobrança.
//!
//! Source: Banrisul, "Cobrança Eletrônica Banrisul — Leiaute Padrão CNAB 400 posições" (versão 15/07/2015, edição
//! 06): §2.1 header remessa, §2.2 transação tipo 1 (dados do título), §2.7 trailler remessa, §3.1 header retorno,
//! §3.2 transação tipo 1 retorno (códigos de ocorrência at 109-110), §3.5 trailler retorno, §3.6.1 motivos
//! (ocorrências 03, 16 e 18); códigos de ocorrência da remessa from §2.2 positions 109-110. Positions
//! cross-checked against kivanio/brcobranca `lib/brcobranca/{remessa,retorno}/cnab400/banrisul.rb` and
//! eduardokum/laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Banrisul.php`.
//!
//! Notes:
//! - The header literals "01REMESSA" (1-9) and "041BANRISUL" (77-87) are split so that the file code (2) and the
//!   bank code (77-79) are fields of their own.
//! - The código de cedente `AAAACCCCCCCCC` (13 digits) is split into agência (4) and código do cedente (9).
//! - Remessa records not tabled: "tipo 1 — dados do sacador" (§2.3) shares record type `1` with the título and
//!   can only be told apart by its blank positions; the message record (§2.4) and rateio (tipo 3, §2.5) are
//!   optional. Retorno records tipo 3 (rateio) and tipo 8 (cobrança partilhada) are not tabled either.
//! - Retorno vencimento (147-152) holds "SEMREG" for cobrança sem registro (a date problem on such files);
//!   the agência cobradora (169-173) may end in a space, so it is text.

use crate::bank::{records400, LayoutSpec, MotivoDef, OcorrenciaDef};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{
    patched, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T,
};
use crate::model::Layout;

/// Source string for the tables.
pub const SOURCE: &str =
    "Banrisul Cobrança Eletrônica, leiaute padrão CNAB 400 (vrs 15/07/2015, ed. 06)";

/// §2.1 — header remessa.
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §2.1 header (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_remessa", 3, 9).default("REMESSA"),
        F::blank("brancos_1", 10, 26),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::num("codigo_cedente", 31, 39).role(R::CodigoBeneficiario),
        F::blank("brancos_2", 40, 46),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 87).default("BANRISUL"),
        F::blank("brancos_3", 88, 94),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos_4", 101, 109),
        F::alpha("codigo_servico", 110, 113),
        F::blank("brancos_5", 114, 114),
        F::alpha("tipo_processamento", 115, 115),
        F::blank("brancos_6", 116, 116),
        F::alpha("codigo_office_banking", 117, 126),
        F::blank("brancos_7", 127, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §2.2 — transação tipo 1, dados do título (remessa).
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §2.2 transação tipo 1: dados do título (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::blank("brancos_1", 2, 17),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::num("codigo_cedente", 22, 30).role(R::CodigoBeneficiario),
        F::blank("brancos_2", 31, 37),
        F::alpha("identificacao_beneficiario", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 72).role(R::NossoNumero),
        F::alpha("mensagem", 73, 104).role(R::Mensagem1),
        F::blank("brancos_3", 105, 107),
        F::alpha("tipo_carteira", 108, 108)
            .role(R::Carteira)
            .default("1"),
        F::num("codigo_ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 140, 142).role(R::BancoCodigo),
        F::blank("brancos_4", 143, 147),
        F::num("tipo_documento", 148, 149)
            .role(R::Especie)
            .default("08"),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::num("instrucao_2", 159, 160).role(R::MultaCodigo),
        F::num("codigo_mora", 161, 161).role(R::JurosCodigo),
        F::dec("juros_valor", 162, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("valor_iof", 193, 205, 2).role(R::Iof),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 269).role(R::PagadorNome),
        F::blank("brancos_5", 270, 274),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::blank("brancos_6", 315, 321),
        F::dec("taxa_multa", 322, 324, 1).role(R::MultaValor),
        F::num("dias_multa", 325, 326),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::dec("taxa_desconto_antecipacao", 352, 355, 1),
        F::blank("brancos_7", 356, 356),
        F::dec("valor_calculo_desconto", 357, 369, 2),
        F::num("dias_protesto_devolucao", 370, 371).role(R::ProtestoPrazo),
        F::blank("brancos_8", 372, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §2.7 — trailler remessa.
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §2.7 trailler (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos_1", 2, 27),
        F::dec("valor_total", 28, 40, 2).role(R::ValorTotal),
        F::blank("brancos_2", 41, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §3.1 — header retorno.
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    source: "Banrisul CNAB 400 (15/07/2015) §3.1 header (retorno)",
    fields: patched!(
        HEADER_REMESSA.fields,
        [
            F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
            F::alpha("literal_retorno", 3, 9).default("RETORNO"),
            F::num("codigo_servico", 10, 11).default("01"),
            F::alpha("literal_servico", 12, 19).default("COBRANCA"),
            F::blank("brancos_1", 20, 26),
            F::blank("brancos_4", 101, 385),
            F::num("nsa", 386, 394).role(R::Nsa),
        ]
    ),
    ..HEADER_REMESSA
};

/// §3.2 — transação tipo 1, dados do título (retorno).
pub const DETALHE_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §3.2 transação tipo 1: dados do título (retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3),
        F::num("empresa_inscricao", 4, 17),
        F::num("agencia", 18, 21),
        F::num("codigo_cedente", 22, 30),
        F::alpha("especie_cobranca", 31, 36),
        F::blank("brancos_1", 37, 37),
        F::alpha("identificacao_beneficiario", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 72).role(R::NossoNumero),
        F::alpha("nosso_numero_garantia", 73, 82),
        F::blank("brancos_2", 83, 83),
        F::alpha("contrato_blu", 84, 104),
        F::blank("brancos_3", 105, 107),
        F::alpha("tipo_carteira", 108, 108).role(R::Carteira),
        F::num("codigo_ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::alpha("nosso_numero_completo", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::alpha("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
        F::alpha("tipo_documento", 174, 175),
        F::dec("despesas_cobranca", 176, 188, 2).role(R::Tarifa),
        F::dec("outras_despesas", 189, 201, 2).role(R::OutrasDespesas),
        F::num("zeros", 202, 227),
        F::dec("valor_abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("valor_desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("valor_juros", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_recebimentos", 280, 292, 2).role(R::OutrosCreditos),
        F::blank("brancos_4", 293, 295),
        F::date6("data_credito", 296, 301).role(R::DataCredito),
        F::alpha("partilhada", 302, 342),
        F::alpha("forma_pagamento", 343, 343),
        F::alpha("canal_pagamento", 344, 344),
        F::blank("brancos_5", 345, 382),
        F::alpha("motivos", 383, 392).role(R::Motivos),
        F::blank("brancos_6", 393, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §3.5 — trailler retorno.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §3.5 trailler (retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos_1", 2, 17),
        // §3.5: "quantidade de títulos em carteira", "valor total em carteira": the portfolio's. The manual does not
        // say whether 049-092 (títulos registrados, liquidados) count this file's entries: left without a scope.
        F::num("quantidade_carteira", 18, 25).total(T::quantidade(S::Portfolio)),
        F::dec("valor_carteira", 26, 39, 2).total(T::valor_titulo(S::Portfolio)),
        F::num("nsa", 40, 47),
        F::blank("brancos_2", 48, 48),
        F::num("quantidade_registrados", 49, 55),
        F::alpha("valor_registrados", 56, 70),
        F::num("quantidade_liquidados", 71, 77),
        F::alpha("valor_liquidados", 78, 92),
        F::blank("brancos_3", 93, 361),
        F::alpha("quantidade_rateios", 362, 379),
        F::alpha("valor_rateios", 380, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §2.2 positions 109-110 — códigos de ocorrência da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("banrisul/cnab400-movimentos");

/// §3.2 positions 109-110 — códigos de ocorrência do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("banrisul/cnab400-ocorrencias");

/// §3.6.1 — motivos das ocorrências 03, 16 e 18 (positions 383-392).
pub const MOTIVOS: &[MotivoDef] = codes!("banrisul/cnab400-motivos");

/// Remessa (§2).
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    &records400(&HEADER_REMESSA, &DETALHE_REMESSA, &TRAILER_REMESSA),
    ENTRY_TIPO_1,
    MOVIMENTOS,
    SOURCE,
);

/// Retorno (§3).
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    &records400(&HEADER_RETORNO, &DETALHE_RETORNO, &TRAILER_RETORNO),
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
