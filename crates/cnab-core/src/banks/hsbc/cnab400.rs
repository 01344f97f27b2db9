//! HSBC Bank Brasil (399) — CNAB 400 cobrança registrada, remessa and retorno.
//!
//! Source: HSBC, "Cobrança Registrada — Manual Técnico, Módulo I: Arquivos Remessa-Retorno, Padrão CNAB 400",
//! versão maio/2014 (file `manuais/HSBC/remessa_retorno.pdf` in eduardokum/laravel-boleto): arquivo retorno header
//! (pp. 17-18), detalhe (pp. 19-22), trailer (p. 23); notas explicativas 13 (ocorrências) and 14 (códigos de
//! rejeição, p. 33-36). Positions cross-checked against laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Hsbc.php`.
//!
//! Remessa: arquivo remessa header (pp. 10-11), detalhe (pp. 12-15), trailer (p. 16); notas explicativas 1 (conta
//! corrente = agência + conta), 4 (desconto), 5 (carteira), 6 (ocorrências da remessa), 8 (espécie), 9 (instruções),
//! 10 (juros de mora), 11 (moeda). Positions cross-checked against laravel-boleto
//! `src/Cnab/Remessa/Cnab400/Banco/Hsbc.php`. No HSBC remessa is in the corpus; the remessa table is checked against
//! the manual and the peer. Limits: the juros "taxa ao mês" form of nota 10 (161-168 blank, 169 "T", 170-173 taxa)
//! and the multa instructions of nota 9 that repurpose 206-218 (date/taxa/days) are not modelled: 161-173 is read as
//! a value per day and 206-218 as the abatimento, as the field table names them. HSBC's "CNR"
//! (cobrança não registrada) retorno is a different layout and is not covered.

use crate::bank::{records400, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T};
use crate::model::Layout;

/// Source string of the HSBC tables.
pub const SOURCE: &str = "HSBC, Cobrança Registrada — Manual Técnico Módulo I, Arquivos Remessa-Retorno CNAB 400 (maio/2014)";

/// Remessa header (pp. 10-11).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("zero", 27, 27),
        F::num("agencia", 28, 31).role(R::Agencia),
        F::num("sub_conta", 32, 33).default("55"),
        // Conta corrente (nota 1): agência (4) + conta (5) + dígitos (2), e.g. 4321 56789-00 → 43215678900.
        F::num("conta_agencia", 34, 37).role(R::Agencia),
        F::num("conta", 38, 42).role(R::Conta),
        F::num("conta_dv", 43, 44).role(R::ContaDv),
        F::alpha("uso_banco_1", 45, 46),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).role(R::BancoNome),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("densidade", 101, 105).default("01600"),
        F::alpha("unidade_densidade", 106, 108).default("BPI"),
        F::alpha("uso_banco_2", 109, 110),
        F::alpha("sigla_layout", 111, 117).default("LANCV08"),
        F::alpha("uso_banco_3", 118, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro detalhe (pp. 12-15).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
        F::num("zero", 18, 18),
        F::num("agencia", 19, 22).role(R::Agencia),
        F::num("sub_conta", 23, 24).default("55"),
        // Conta corrente (nota 1): agência + conta + dígitos.
        F::num("conta_agencia", 25, 28).role(R::Agencia),
        F::num("conta", 29, 33).role(R::Conta),
        F::num("conta_dv", 34, 35).role(R::ContaDv),
        F::alpha("uso_banco", 36, 37),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::date6("data_desconto_2", 74, 79),
        F::dec("valor_desconto_2", 80, 90, 2),
        F::date6("data_desconto_3", 91, 96),
        F::dec("valor_desconto_3", 97, 107, 2),
        F::num("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 140, 142).role(R::BancoCodigo),
        F::num("agencia_depositaria", 143, 147),
        F::num("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::num("instrucao_2", 159, 160),
        F::dec("juros_mora", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("iof", 193, 205, 2).role(R::Iof),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 312).role(R::PagadorEndereco),
        // Dias da instrução de não recebimento 71/72 (nota 9); blank when not used.
        F::alpha("instrucao_nao_recebimento", 313, 314),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        // CEP (327-331) and sufixo (332-334).
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_nome", 352, 390).role(R::SacadorNome),
        F::alpha("tipo_boleto", 391, 391),
        // Numérico se utilizado, brancos se não (protesto/Serasa automático).
        F::num("prazo_protesto", 392, 393).role(R::ProtestoPrazo),
        F::alpha("moeda", 394, 394).default("9"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailer (p. 16).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::alpha("uso_banco", 2, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Ocorrências of the remessa (nota explicativa 6, p. 25).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("hsbc/cnab400-movimentos");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&REMESSA_HEADER, &REMESSA_DETALHE, &REMESSA_TRAILER);

/// HSBC CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    ENTRY_TIPO_1,
    MOVIMENTOS,
    SOURCE,
);

/// Retorno header (pp. 17-18).
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_arquivo", 3, 9, "RETORNO"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("zero", 27, 27),
        F::num("agencia", 28, 31).role(R::Agencia),
        F::num("sub_conta", 32, 33),
        F::num("conta", 34, 44).role(R::Conta),
        F::blank("uso_banco_1", 45, 46),
        F::alpha("nome_cliente", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("HSBC"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("densidade", 101, 105).default("01600"),
        F::alpha("literal_densidade", 106, 108).default("BPI"),
        F::blank("uso_banco_2", 109, 119),
        F::date6("data_credito", 120, 125).role(R::DataCredito),
        F::blank("uso_banco_3", 126, 388),
        F::num("sequencial_arquivo", 389, 393).role(R::Nsa),
        F::blank("uso_banco_4", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno detalhe (pp. 19-22).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao", 2, 3),
        F::num("inscricao", 4, 17),
        F::num("zero", 18, 18),
        F::num("agencia", 19, 22),
        F::num("sub_conta", 23, 24),
        F::num("conta", 25, 35),
        F::alpha("origem_pagamento", 36, 36),
        F::blank("uso_banco_1", 37, 37),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::date6("desconto_2_data", 74, 79),
        F::dec("desconto_2_valor", 80, 90, 2),
        F::date6("desconto_3_data", 91, 96),
        F::dec("desconto_3_valor", 97, 107, 2),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::num("nosso_numero_2", 127, 137),
        F::blank("uso_banco_2", 138, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
        F::alpha("especie", 174, 175),
        F::dec("tarifa", 176, 188, 2).role(R::Tarifa),
        F::blank("uso_banco_3", 189, 227),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::blank("uso_banco_4", 280, 301),
        F::alpha("complemento_ocorrencia", 302, 303).role(R::Motivos),
        F::alpha("indicativo_credito", 304, 304),
        F::blank("uso_banco_5", 305, 388),
        F::num("numero_aviso", 389, 393),
        F::alpha("tipo_moeda", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailer (p. 23). Its totals are the "boletos em ser (registrados e pendentes no sistema do Banco)": the
/// portfolio's, shown, never compared with the file.
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("codigo_arquivo", 2, 2).default("2"),
        F::num("codigo_servico", 3, 4).default("01"),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("uso_banco_1", 8, 17),
        F::num("qtd_em_ser", 18, 25)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::Portfolio)),
        F::dec("valor_em_ser", 26, 39, 2)
            .role(R::ValorTotal)
            .total(T::valor_titulo(S::Portfolio)),
        F::blank("uso_banco_2", 40, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Ocorrências of the retorno (nota 13, p. 31).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("hsbc/cnab400-ocorrencias");

/// Códigos de rejeição of ocorrência 03, in the complemento da ocorrência (302-303; nota 14, pp. 33-36). For other
/// ocorrências that field carries tarifa codes or the DDA indicator `A4`, which are not motivos.
pub const MOTIVOS: &[MotivoDef] = codes!("hsbc/cnab400-motivos");

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// HSBC CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(retorno_hook);

/// The complemento (302-303) is a rejection motivo only for ocorrência 03 (nota 14); elsewhere it is a tarifa code
/// or the DDA flag, kept raw in the record.
pub fn retorno_hook(
    e: &mut crate::model::RetornoEntry,
    _records: &[crate::record::Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    if e.ocorrencia.as_ref().is_some_and(|o| o.code != "03") {
        e.motivos.clear();
    }
}

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
