//! Sicoob / Bancoob (756) — CNAB 400 cobrança.
//!
//! Source: Sicoob, "Leiaute Cobrança Sicoob — Sistemas de Terceiros" (planilha XLSX; abas "03.Remessa - CNAB400"
//! and "04.Retorno - CNAB400"), the copy kept in kivanio/brcobranca `docs/Sicoob/`. Positions cross-checked against
//! kivanio/brcobranca `lib/brcobranca/remessa/cnab400/sicoob.rb` and eduardokum/laravel-boleto
//! `src/Cnab/Retorno/Cnab400/Banco/Bancoob.php`.
//!
//! Notes:
//! - The header identifies the bank at 77-94 as one 18-byte literal (`756BANCOOBCED` in remessas,
//!   `756 - BANCOOB S/A` in retornos); we split it into the code (77-79) and the name (80-94).
//! - The código do cliente (32-39) and its DV (40) are read and written together as `codigo_beneficiario` (9 digits):
//!   the model has no separate DV for it.
//! - The remessa nosso número (63-74, 12 digits) is split like the retorno's: 11 digits + DV (74).
//! - The retorno's "Código de Baixa/Recusa" (81-82) feeds `motivos`; the leiaute gives no table of its values.
//! - The remessa detail's SEQ 53 is printed as "394 a 395"; it is position 394 (395-400 is the sequence).
//! - The retorno's seu número is read at 117-131 (15), not the leiaute's 117-126: the bank returns 15 characters
//!   there, in the region the leiaute calls blank complemento (see the field).

use crate::bank::{records400, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::Layout;

/// Source string for the tables.
pub const SOURCE: &str = "Sicoob Leiaute Cobrança Sistemas de Terceiros (XLSX), abas 03 Remessa CNAB400 e 04 Retorno CNAB400";

/// Remessa — header.
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: "Sicoob Leiaute Sistemas de Terceiros, aba 03 Remessa CNAB400, HEADER",
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("tipo_operacao", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_remessa", 3, 9).default("REMESSA"),
        F::num("tipo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 19).default("COBRANCA"),
        F::blank("complemento_1", 20, 26),
        F::num("prefixo_cooperativa", 27, 30).role(R::Agencia),
        F::alpha("prefixo_cooperativa_dv", 31, 31).role(R::AgenciaDv),
        F::num("codigo_beneficiario", 32, 40).role(R::CodigoBeneficiario),
        F::alpha("convenio_lider", 41, 46),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 94).default("BANCOOBCED"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("sequencial_remessa", 101, 107).role(R::Nsa),
        F::blank("complemento_2", 108, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — detalhe (registro 1).
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "Sicoob Leiaute Sistemas de Terceiros, aba 03 Remessa CNAB400, DETALHE",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3).role(R::EmpresaTipoInscricao),
        F::alpha("empresa_inscricao", 4, 17).role(R::EmpresaInscricao),
        F::num("prefixo_cooperativa", 18, 21).role(R::Agencia),
        F::num("prefixo_cooperativa_dv", 22, 22).role(R::AgenciaDv),
        F::num("conta", 23, 30).role(R::Conta),
        F::alpha("conta_dv", 31, 31).role(R::ContaDv),
        F::num("convenio", 32, 37),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::num("nosso_numero_dv", 74, 74).role(R::NossoNumeroDv),
        F::num("parcela", 75, 76).role(R::Parcela).default("01"),
        F::num("grupo_valor", 77, 78),
        F::blank("complemento_1", 79, 81),
        F::alpha("indicativo_mensagem_sacador", 82, 82),
        F::alpha("prefixo_titulo", 83, 85),
        F::num("variacao_carteira", 86, 88).role(R::Variacao),
        F::num("conta_caucao", 89, 89),
        F::num("contrato_garantia", 90, 94),
        F::alpha("contrato_garantia_dv", 95, 95).default("0"),
        F::num("bordero", 96, 101),
        F::blank("complemento_2", 102, 105),
        F::num("tipo_emissao", 106, 106).default("2"),
        F::num("carteira", 107, 108).role(R::Carteira).default("01"),
        F::num("comando", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco", 140, 142).role(R::BancoCodigo),
        F::num("prefixo_cooperativa_2", 143, 146).role(R::Agencia),
        F::alpha("prefixo_cooperativa_2_dv", 147, 147).role(R::AgenciaDv),
        F::num("especie", 148, 149).role(R::Especie).default("01"),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("0"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158)
            .role(R::ProtestoCodigo)
            .default("00"),
        F::num("instrucao_2", 159, 160).default("00"),
        F::dec("taxa_mora_mes", 161, 166, 4).role(R::JurosValor),
        F::dec("taxa_multa", 167, 172, 4).role(R::MultaValor),
        F::num("tipo_distribuicao", 173, 173).default("2"),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::num("moeda_iof", 193, 205),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 311).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 312, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("observacoes", 352, 391).role(R::Mensagem1),
        F::num("dias_protesto", 392, 393).role(R::ProtestoPrazo),
        F::blank("complemento_3", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — trailer.
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "Sicoob Leiaute Sistemas de Terceiros, aba 03 Remessa CNAB400, TRAILLER",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("complemento", 2, 194),
        F::alpha("mensagem_1", 195, 234),
        F::alpha("mensagem_2", 235, 274),
        F::alpha("mensagem_3", 275, 314),
        F::alpha("mensagem_4", 315, 354),
        F::alpha("mensagem_5", 355, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — header.
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    source: "Sicoob Leiaute Sistemas de Terceiros, aba 04 Retorno CNAB400, HEADER",
    fields: patched!(
        HEADER_REMESSA.fields,
        [
            F::alpha("literal_retorno", 3, 9).default("RETORNO"),
            F::alpha("convenio_lider", 41, 46).role(R::Conta),
            F::alpha("banco_nome", 80, 94).default(" - BANCOOB S/A"),
            F::num("sequencial_retorno", 101, 107).role(R::Nsa),
        ]
    ),
    ..HEADER_REMESSA
};

/// Retorno — detalhe (registro 1).
pub const DETALHE_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "Sicoob Leiaute Sistemas de Terceiros, aba 04 Retorno CNAB400, DETALHE",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3),
        F::num("empresa_inscricao", 4, 17),
        F::num("prefixo_cooperativa", 18, 21),
        F::num("prefixo_cooperativa_dv", 22, 22),
        F::num("conta", 23, 30),
        F::alpha("conta_dv", 31, 31),
        F::num("convenio", 32, 37),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::alpha("nosso_numero_dv", 74, 74).role(R::NossoNumeroDv),
        F::num("parcela", 75, 76),
        F::num("grupo_valor", 77, 80),
        F::alpha("codigo_baixa_recusa", 81, 82).role(R::Motivos),
        F::alpha("prefixo_titulo", 83, 85),
        F::num("variacao_carteira", 86, 88),
        F::num("conta_caucao", 89, 89),
        F::num("codigo_responsabilidade", 90, 94),
        F::alpha("codigo_responsabilidade_dv", 95, 95),
        F::dec("taxa_desconto", 96, 100, 2),
        F::dec("taxa_iof", 101, 105, 4),
        F::blank("complemento_1", 106, 106),
        F::num("carteira", 107, 108).role(R::Carteira),
        F::num("comando", 109, 110).role(R::Ocorrencia),
        F::date6("data_entrada_liquidacao", 111, 116).role(R::DataOcorrencia),
        // Aba 04 Retorno CNAB400, seq. 26-27: "Seu Número" 117-126 X(10), then "Complemento do Registro" 127-146
        // that "o sistema retorna com as posições em branco". Real retornos carry a 15-character número do
        // documento at 117-131 (corpus brboleto__sicoob.ret: "000000000157595"; Brunomm/br_boleto reads
        // 117..131): read 117-131 so no digit is dropped; a file with blanks at 127-131 reads the same.
        F::alpha("seu_numero", 117, 131).role(R::SeuNumero),
        F::blank("complemento_2", 132, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_recebedor", 166, 168).role(R::BancoCobrador),
        F::num("agencia_recebedora", 169, 172).role(R::AgenciaCobradora),
        F::alpha("agencia_recebedora_dv", 173, 173),
        F::num("especie", 174, 175),
        F::date6("data_credito", 176, 181).role(R::DataCredito),
        F::dec("valor_tarifa", 182, 188, 2).role(R::Tarifa),
        F::dec("outras_despesas", 189, 201, 2).role(R::OutrasDespesas),
        F::dec("juros_desconto", 202, 214, 2),
        F::dec("iof_desconto", 215, 227, 2).role(R::Iof),
        F::dec("valor_abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto_concedido", 241, 253, 2).role(R::Desconto),
        F::dec("valor_recebido", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_recebimentos", 280, 292, 2).role(R::OutrosCreditos),
        F::dec("abatimento_nao_aproveitado", 293, 305, 2),
        F::dec("valor_lancamento", 306, 318, 2).role(R::ValorCreditado),
        F::num("indicativo_debito_credito", 319, 319),
        F::num("indicativo_valor", 320, 320),
        F::dec("valor_ajuste", 321, 332, 2),
        F::blank("complemento_3", 333, 342),
        F::num("pagador_inscricao", 343, 357),
        F::blank("complemento_4", 358, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — trailer.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "Sicoob Leiaute Sistemas de Terceiros, aba 04 Retorno CNAB400, TRAILLER",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("tipo_servico", 2, 3).default("02"),
        F::num("banco", 4, 6).role(R::BancoCodigo),
        F::num("cooperativa", 7, 10),
        F::alpha("cooperativa_sigla", 11, 35),
        F::alpha("cooperativa_endereco", 36, 85),
        F::alpha("cooperativa_bairro", 86, 115),
        F::alpha("cooperativa_cep", 116, 123),
        F::alpha("cooperativa_cidade", 124, 153),
        F::alpha("cooperativa_uf", 154, 155),
        F::num("data_movimento_ddmmaaaa", 156, 163),
        F::num("quantidade_detalhes", 164, 171),
        F::num("ultimo_nosso_numero", 172, 182),
        F::blank("complemento", 183, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — comandos/movimentos (DETALHE SEQ 24).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("sicoob/cnab400-movimentos");

/// Retorno — comandos/movimentos (DETALHE SEQ 24).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("sicoob/cnab400-ocorrencias");

/// Remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    &records400(&HEADER_REMESSA, &DETALHE_REMESSA, &TRAILER_REMESSA),
    &[EntryRecord::first(RecordKey::Detail(b'1'))],
    MOVIMENTOS,
    SOURCE,
);

/// Retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    &records400(&HEADER_RETORNO, &DETALHE_RETORNO, &TRAILER_RETORNO),
    &[EntryRecord::first(RecordKey::Detail(b'1'))],
    OCORRENCIAS,
    &[],
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
