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

use crate::bank::motivo;
use crate::bank::{oc, records400, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::{described_motivo, ENTRY_TIPO_1};
use crate::field::{
    patched, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T,
};
use crate::model::{Layout, OcorrenciaKind as K, RetornoEntry};
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
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Entrada Normal"),
    oc("02", K::Informativo, "Pedido de Baixa"),
    oc("04", K::Informativo, "Concessão de Abatimento"),
    oc("06", K::Informativo, "Alteração de Vencimento"),
    oc("07", K::Informativo, "Alteração do Uso da Empresa"),
    oc("08", K::Informativo, "Alteração do Seu Número"),
    oc("09", K::Informativo, "Protestar"),
    oc("10", K::Informativo, "Não Protestar"),
    oc("12", K::Informativo, "Inclusão de Ocorrência"),
    oc("13", K::Informativo, "Exclusão de Ocorrência"),
    oc("31", K::Informativo, "Alteração de Outros Dados"),
    oc("32", K::Informativo, "Pedido de Devolução"),
    oc(
        "33",
        K::Informativo,
        "Pedido de Devolução (entregue ao Sacado)",
    ),
    oc("99", K::Informativo, "Pedido dos Títulos em Aberto"),
];

/// Serviços of the retorno (nota 5). A rejected remessa record comes back with its serviço + 50 (51 listed by the
/// manual; the others follow the rule stated there, e.g. 54 = abatimento rejeitado).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc("02", K::EntradaConfirmada, "Entrada Confirmada"),
    oc("04", K::InstrucaoConfirmada, "Alteração"),
    oc("06", K::Liquidacao, "Liquidação Normal"),
    oc("07", K::Liquidacao, "Pagamento por Conta"),
    oc("08", K::LiquidacaoCartorio, "Pagamento por Cartório"),
    oc("09", K::Baixa, "Baixa Simples"),
    oc("10", K::Baixa, "Devolvido - Protestado"),
    oc("11", K::Informativo, "Em ser"),
    oc("12", K::InstrucaoConfirmada, "Abatimento Concedido"),
    oc("13", K::InstrucaoConfirmada, "Abatimento Cancelado"),
    oc("14", K::InstrucaoConfirmada, "Vencimento Alterado"),
    oc("15", K::Baixa, "Baixa Automática"),
    oc("18", K::InstrucaoConfirmada, "Alteração Depositária"),
    oc("19", K::Protesto, "Confirmação de Protesto"),
    oc("20", K::Protesto, "Confirmação de Sustar-Protesto"),
    oc(
        "21",
        K::InstrucaoConfirmada,
        "Alteração Informações de Controle da Empresa",
    ),
    oc("22", K::InstrucaoConfirmada, "Alteração \"Seu Número\""),
    oc("51", K::EntradaRejeitada, "Entrada Rejeitada"),
    oc(
        "52",
        K::InstrucaoRejeitada,
        "Pedido de Baixa rejeitado (serviço 02 + 50)",
    ),
    oc(
        "54",
        K::InstrucaoRejeitada,
        "Concessão de Abatimento rejeitada (serviço 04 + 50)",
    ),
    oc(
        "56",
        K::InstrucaoRejeitada,
        "Alteração de Vencimento rejeitada (serviço 06 + 50)",
    ),
    oc(
        "57",
        K::InstrucaoRejeitada,
        "Alteração do Uso da Empresa rejeitada (serviço 07 + 50)",
    ),
    oc(
        "58",
        K::InstrucaoRejeitada,
        "Alteração do Seu Número rejeitada (serviço 08 + 50)",
    ),
    oc(
        "59",
        K::InstrucaoRejeitada,
        "Protestar rejeitado (serviço 09 + 50)",
    ),
    oc(
        "60",
        K::InstrucaoRejeitada,
        "Não Protestar rejeitado (serviço 10 + 50)",
    ),
    oc(
        "62",
        K::InstrucaoRejeitada,
        "Inclusão de Ocorrência rejeitada (serviço 12 + 50)",
    ),
    oc(
        "63",
        K::InstrucaoRejeitada,
        "Exclusão de Ocorrência rejeitada (serviço 13 + 50)",
    ),
    oc(
        "81",
        K::InstrucaoRejeitada,
        "Alteração de Outros Dados rejeitada (serviço 31 + 50)",
    ),
    oc(
        "82",
        K::InstrucaoRejeitada,
        "Pedido de Devolução rejeitado (serviço 32 + 50)",
    ),
    oc(
        "83",
        K::InstrucaoRejeitada,
        "Pedido de Devolução (entregue ao Sacado) rejeitado (serviço 33 + 50)",
    ),
];

/// Tabela de erros (nota 6): error n is flagged by a `1` at position 279 + n of the retorno detail.
pub const MOTIVOS: &[MotivoDef] = &[
    motivo(&[], "01", "Falta valor do IOC"),
    motivo(&[], "02", "Não permite desconto/ abatimento"),
    motivo(&[], "03", "Código do serviço inválido"),
    motivo(&[], "04", "Novo vencimento igual/ menor que o da entrada"),
    motivo(&[], "05", "Novo vencimento igual ao do Título"),
    motivo(&[], "06", "Espécie Documento Inválida"),
    motivo(&[], "07", "Espécie Documento Inexistente"),
    motivo(&[], "08", "Tipo Operação Inválida"),
    motivo(&[], "09", "Tipo Operação Inexistente"),
    motivo(&[], "10", "Contrato Proibido para esta Carteira"),
    motivo(&[], "11", "Falta Número do Contrato"),
    motivo(&[], "12", "Proibido Informar Tipo de Conta"),
    motivo(&[], "13", "Tipo de Conta do Contrato Inexistente"),
    motivo(&[], "14", "Dígito de Contrato não confere"),
    motivo(&[], "15", "Contrato Inexistente"),
    motivo(&[], "16", "Data de Emissão Inválida"),
    motivo(&[], "17", "Falta Valor do Título"),
    motivo(&[], "18", "Vencimento Inválido"),
    motivo(&[], "19", "Data Vencimento Anterior a Emissão"),
    motivo(&[], "20", "Falta Vencimento Desconto"),
    motivo(&[], "21", "Data Desconto Inválida"),
    motivo(&[], "22", "Data Desconto Posterior ao Vencimento"),
    motivo(&[], "23", "Falta Valor Desconto"),
    motivo(&[], "24", "Falta Mora-1-Dia"),
    motivo(&[], "25", "Banco/Agência Cobrador Inexistente"),
    motivo(&[], "26", "BCO/AGE Cobrador não Cadastrado"),
    motivo(&[], "27", "Código Pessoa Inválido"),
    motivo(&[], "28", "Falta CEP, Banco e Agência Cobrador"),
    motivo(&[], "29", "Falta Nome Sacado"),
    motivo(&[], "30", "Falta Endereço"),
    motivo(&[], "31", "Falta Cidade"),
    motivo(&[], "32", "Falta Estado"),
    motivo(&[], "33", "Estado Inválido"),
    motivo(&[], "34", "Falta CPF/ CGC do Sacado"),
    motivo(&[], "35", "Falta numeração - Bloquete emitido"),
    motivo(&[], "36", "Título Pré-Numerado já Existente"),
    motivo(&[], "37", "Dígito do Título Não Confere"),
    motivo(&[], "38", "Proibido Protestar"),
    motivo(&[], "39", "Proibido título pré-numerado p/ Correspondente"),
    motivo(&[], "40", "Dígito Cliente/ Contrato com Erro"),
    motivo(&[], "41", "Dígito Nosso Número com Erro"),
    motivo(&[], "42", "Título Inexistente"),
    motivo(&[], "43", "Título Liquidado"),
    motivo(&[], "44", "Título Não Pode Ser Baixado"),
    motivo(&[], "45", "Valor Nominal Incorreto"),
    motivo(&[], "46", "Proibido Taxa – Multa p/ Correspondente"),
    motivo(&[], "47", "Falta Tipo de Conta do Contrato"),
    motivo(&[], "48", "Tipo de Conta Inexistente"),
    motivo(&[], "49", "Dígito Contrato Não Confere"),
    motivo(&[], "50", "Dígito do Título Não Confere"),
    motivo(&[], "51", "Título Inexistente ou Liquidado"),
    motivo(&[], "52", "Valor Abatimento Inválido"),
    motivo(&[], "53", "Data Vencimento Inválida"),
    motivo(&[], "54", "Estado Inválido"),
    motivo(&[], "55", "Falta Tipo de Pessoa P/ Alteração de CGC/ CPF"),
    motivo(&[], "56", "CPF/ CGC com Erro"),
    motivo(&[], "57", "Data Emissão Inválida"),
    motivo(&[], "58", "Data Vencimento Desconto Inválida"),
    motivo(&[], "59", "Aceite Inválido para Espécie Documento"),
    motivo(&[], "60", "Não Aceite Inválido para Espécie Documento"),
    motivo(&[], "61", "Banco/ Agência Cobrador Inválido"),
    motivo(&[], "62", "Limite Operacional Não Cadastrado"),
    motivo(&[], "63", "Título já em situação de protesto"),
    motivo(&[], "64", "Proibido alterar vencimento título descontado"),
    motivo(&[], "65", "Proibido informar nosso número p/ cod. carteira"),
    motivo(&[], "66", "Falta vencimento desconto-2"),
    motivo(&[], "67", "Data desconto-2 inválida"),
    motivo(&[], "68", "Data desconto-2 posterior ao vencimento"),
    motivo(&[], "69", "Falta valor desconto-2"),
    motivo(&[], "70", "Data vencimento desconto-2 inválida"),
    motivo(&[], "71", "IOC maior que valor do título"),
    motivo(&[], "72", "CEP não pertence ao Estado"),
    motivo(&[], "73", "Seu número já existente"),
    motivo(&[], "74", "Moeda Inválida para o tipo de Operação"),
    motivo(&[], "75", "Moeda inexistente"),
    motivo(&[], "76", "Nosso número/ dígito com erro"),
    motivo(&[], "77", "Dias vencidos superior ao prazo de devolução"),
];

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
