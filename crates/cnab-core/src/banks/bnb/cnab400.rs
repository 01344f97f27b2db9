//! Banco do Nordeste (004) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco do Nordeste, "Padrão BNB — CNAB 400 posições" (arquivo-remessa: header, transação, trailler, p. 1-3;
//! arquivo-retorno: header, trailler, transação, p. 4-5; notas 0-8, p. 6-9), file `PADRAO BNB - CNAB400.pdf` in
//! eduardokum/laravel-boleto `manuais/BNB/`. Positions cross-checked against laravel-boleto
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Bnb.php` and the corpus files `brcobranca__CNAB400BANCONORDESTE.RET`,
//! `webmatrixboleto__bnb.ret` and `brcobranca__remessa-banco-nordeste-cnab400.rem`.
//!
//! Two things differ from the Bradesco-style 400 layouts:
//! - the retorno's "tabela de erros" (280-356, nota 6) is a bitmap: a `1` at position 279 + n means error n. The
//!   [`retorno_hook`] turns it into motivos for rejected records (ocorrências 51 and up, "serviço original + 50");
//! - the manual says 296-301 "may" hold the credit date of a liquidação, but real files put it at 297-302 (inside the
//!   bitmap); it is left raw (field `tabela_erros`) rather than guessed.

use crate::bank::{records400, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::{described_motivo, ENTRY_TIPO_1};
use crate::field::{
    patched, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T,
};
use crate::model::{Layout, RetornoEntry};
use crate::record::Record;

/// Source string of the BNB tables.
pub const SOURCE: &str =
    "Banco do Nordeste, Padrão BNB — CNAB 400 posições (remessa/retorno, notas 0-8)";

/// Remessa header (p. 1).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    fields: patched!(
        RETORNO_HEADER.fields,
        [
            F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
            F::constant("literal_remessa", 3, 9, "REMESSA"),
            F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
            F::alpha("codigo_usuario", 101, 103).role(R::Convenio),
            F::blank("brancos_2", 104, 394),
        ]
    ),
    ..RETORNO_HEADER
};

/// Remessa registro de transação (p. 2-3).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::blank("brancos_1", 2, 17),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::num("zeros", 22, 23),
        F::num("conta", 24, 30).role(R::Conta),
        F::alpha("conta_dv", 31, 31).role(R::ContaDv),
        F::num("taxa_multa", 32, 33).role(R::MultaValor),
        F::blank("brancos_2", 34, 37),
        F::alpha("numero_controle", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 69).role(R::NossoNumero),
        F::alpha("nosso_numero_dv", 70, 70).role(R::NossoNumeroDv),
        F::num("numero_contrato", 71, 80),
        F::date6("desconto_2_data", 81, 86).role(R::Desconto2Data),
        F::dec("desconto_2_valor", 87, 99, 2).role(R::Desconto2Valor),
        F::blank("brancos_3", 100, 107),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("codigo_servico", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 146),
        F::blank("branco", 147, 147),
        F::num("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("B"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("codigo_instrucao", 157, 160),
        F::dec("juros_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("ioc", 193, 205, 2).role(R::Iof),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_complemento", 315, 326).role(R::PagadorBairro),
        // CEP (327-331) and its sufixo (332-334), one field here.
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("mensagem_ou_sacador", 352, 391).role(R::SacadorNome),
        F::num("prazo_protesto", 392, 393)
            .role(R::ProtestoPrazo)
            .default("99"),
        F::alpha("moeda", 394, 394).default("0"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailler (p. 1).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Retorno header (p. 4).
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_retorno", 3, 9, "RETORNO"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::num("zeros", 31, 32),
        F::num("conta", 33, 39).role(R::Conta),
        F::alpha("conta_dv", 40, 40).role(R::ContaDv),
        F::blank("brancos_1", 41, 46),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("B.DO NORDESTE"),
        F::date6("data_processamento", 95, 100).role(R::DataGeracao),
        F::alpha("densidade", 101, 108).default("01600BPI"),
        F::num("sequencial_retorno", 109, 113).role(R::Nsa),
        F::blank("brancos_2", 114, 119),
        F::date6("data_credito", 120, 125).role(R::DataCredito),
        F::blank("brancos_3", 126, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno registro de transação (p. 5).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao", 2, 3),
        F::num("inscricao", 4, 17),
        F::num("agencia", 18, 21),
        F::num("zeros", 22, 23),
        F::num("conta", 24, 30),
        F::alpha("conta_dv", 31, 31),
        F::blank("brancos_1", 32, 37),
        F::alpha("numero_controle", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 69).role(R::NossoNumero),
        F::alpha("nosso_numero_dv", 70, 70).role(R::NossoNumeroDv),
        F::num("numero_contrato", 71, 80),
        F::blank("brancos_2", 81, 107),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("codigo_servico", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::num("confirmacao_nosso_numero", 127, 133),
        F::alpha("confirmacao_nosso_numero_dv", 134, 134),
        F::blank("brancos_3", 135, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 172).role(R::AgenciaCobradora),
        F::blank("branco", 173, 173),
        F::num("especie", 174, 175),
        F::dec("tarifa", 176, 188, 2).role(R::Tarifa),
        F::dec("outras_despesas", 189, 201, 2).role(R::OutrasDespesas),
        F::dec("juros_desconto", 202, 214, 2),
        F::dec("ioc", 215, 227, 2).role(R::Iof),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_recebido", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::alpha("tabela_erros", 280, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailler (p. 4).
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::constant("codigo_retorno", 2, 2, "2"),
        F::constant("codigo_servico", 3, 4, "01"),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_1", 8, 17),
        // "Informa o número de títulos em Cobrança Simples no BANCO DO NORDESTE" (registro trailler): the carteira's.
        F::num("qtd_titulos", 18, 25)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::Carteira("simples"))),
        F::dec("valor_total", 26, 39, 2)
            .role(R::ValorTotal)
            .total(T::valor_titulo(S::Carteira("simples"))),
        F::num("aviso_lancamento", 40, 47),
        F::blank("brancos_2", 48, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Serviços of the remessa (nota 2).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("bnb/cnab400-movimentos");

/// Serviços of the retorno (nota 5). A rejected remessa record comes back with its serviço + 50 (51 listed by the
/// manual; the others follow the rule stated there, e.g. 54 = abatimento rejeitado).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("bnb/cnab400-ocorrencias");

/// Tabela de erros (nota 6): error n is flagged by a `1` at position 279 + n of the retorno detail.
pub const MOTIVOS: &[MotivoDef] = codes!("bnb/cnab400-motivos");

/// First and last position of the error bitmap (nota 6).
const ERROS_START: usize = 280;
const ERROS_END: usize = 356;

/// Decodes the nota 6 error bitmap of rejected records (serviço ≥ 51) into motivos. The generic normalizer reads
/// motivos as two-character codes, which this layout does not use.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let rejected = e
        .ocorrencia
        .as_ref()
        .and_then(|o| o.code.parse::<u8>().ok())
        .is_some_and(|c| c >= 51);
    if !rejected {
        return;
    }
    let Some(bits) = records
        .first()
        .and_then(|r| r.bytes.get(ERROS_START - 1..ERROS_END))
    else {
        return;
    };
    e.motivos = bits
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'1')
        .map(|(i, _)| described_motivo(format!("{:02}", i + 1), MOTIVOS))
        .collect();
}

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&REMESSA_HEADER, &REMESSA_DETALHE, &REMESSA_TRAILER);

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// BNB CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    ENTRY_TIPO_1,
    MOVIMENTOS,
    SOURCE,
);

/// BNB CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
