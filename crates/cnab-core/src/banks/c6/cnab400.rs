//! Banco C6 (336) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: C6 Bank, "Intercâmbio de Informações entre Empresas — Layout de Arquivos Cobrança Bancária, Padrão CNAB
//! 400 Posições", versão 2.2, junho 2022 (file `docs/Banco C6/layout-cnab-400-c6-bank-junho-2022.pdf` in
//! Maxwbh/brcobranca): 4.1 header, 4.2 detalhe, 4.3 registro opcional (tipo 2), 4.4 trailer of the remessa; 5.1-5.3
//! header, detalhe and trailer of the retorno; 6 "Descrição dos Campos" (D019 carteiras, D020 códigos de ocorrência
//! da remessa, D024 espécies, D054 códigos de ocorrência do retorno, D063/D064 posições e códigos de erro).
//! Positions cross-checked against Maxwbh/brcobranca `lib/brcobranca/remessa/cnab400/banco_c6.rb` and
//! `lib/brcobranca/retorno/cnab400/banco_c6.rb`, laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/C6.php`,
//! and the corpus remessas (Maxwbh brcobranca, pyCobranca).
//!
//! Espécies (D024): 01 DM, 02 DS, 03 nota promissória, 04 nota de seguro, 05 recibo, 06 letra de câmbio, 07 ficha de
//! compensação, 08 carnê, 09 contrato, 10 cheque, 11 cobrança seriada, 12 mensalidade escolar, 13 nota de débito,
//! 15 documento de dívida, 16 encargos condominiais, 17 conta de prestação de serviços, 31 fatura de cartão de
//! crédito, 33 boleto aporte, 99 outros. Carteiras (D019): 10/20 cobrança simples (emissão banco/cliente), 30/40
//! caucionada, 60 emissão e postagem pelo C6.
//!
//! Model notes: the "código do cedente" (header 27-38) and the "código da empresa" (detail 18-29) both feed
//! `codigo_beneficiario` (the peers write the same number in both). In the remessa the nosso número (63-73) and its
//! DV (74) are separate; for cobrança com registro both are blank (the bank assigns them). The retorno's código de
//! erro (378-393) is up to four 4-digit codes, read by [`retorno_hook`]; their descriptions live in a spreadsheet
//! the manual refers to (section 8) that we do not have, so motivos carry codes only. The PIX record tipo 8 that
//! Maxwbh/brcobranca and pyCobranca write after the detail is read with
//! [`crate::banks::bradesco::cnab400::PIX_TIPO8_REMESSA`]; the C6 manual itself does not define it.

use crate::bank::{records400, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::banks::shared::{motivo_text, ENTRY_TIPO_1};
use crate::field::{FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T};
use crate::model::{Layout, Motivo, RetornoEntry};
use crate::record::Record;

/// Source string of the C6 tables.
pub const SOURCE: &str =
    "C6 Bank, Layout de Arquivos Cobrança Bancária Padrão CNAB 400 Posições, v2.2 junho 2022";
const SRC_REM: &str = "C6 Bank CNAB 400 v2.2 junho 2022, 4. Arquivo Remessa";
const SRC_RET: &str = "C6 Bank CNAB 400 v2.2 junho 2022, 5. Arquivo Retorno";

/// Remessa header (4.1).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 19).default("COBRANCA"),
        F::blank("uso_banco_1", 20, 26),
        F::num("codigo_cedente", 27, 38).role(R::CodigoBeneficiario),
        F::blank("uso_banco_2", 39, 46),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::blank("uso_banco_3", 80, 94),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("uso_banco_4", 101, 108),
        F::num("conta_cobranca_direta", 109, 120),
        F::blank("uso_banco_5", 121, 386),
        F::num("sequencial_remessa", 387, 394).role(R::Nsa),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe, tipo 1 (4.2; positions 401-710 of the "campos opcionais" are beyond the 400-byte record).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
        F::alpha("codigo_empresa", 18, 29).role(R::CodigoBeneficiario),
        F::blank("uso_banco_1", 30, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::alpha("nosso_numero", 63, 73).role(R::NossoNumero),
        F::num("nosso_numero_dv", 74, 74).role(R::NossoNumeroDv),
        F::blank("uso_banco_2", 75, 82),
        F::num("banco_cobranca_direta", 83, 85).role(R::BancoCodigo),
        F::blank("uso_banco_3", 86, 106),
        F::num("carteira", 107, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::blank("uso_banco_4", 140, 147),
        F::num("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::num("instrucao_2", 159, 160),
        F::dec("juros_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("data_desconto", 174, 179).role(R::DescontoData),
        F::dec("valor_desconto", 180, 192, 2).role(R::DescontoValor),
        F::date6("data_multa", 193, 198).role(R::MultaData),
        F::blank("uso_banco_5", 199, 205),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_mensagem", 352, 381).role(R::SacadorNome),
        F::alpha("tipo_multa", 382, 382).role(R::MultaCodigo),
        F::num("percentual_multa", 383, 384).role(R::MultaValor),
        F::blank("uso_banco_6", 385, 385),
        F::date6("data_juros", 386, 391).role(R::JurosData),
        F::num("prazo_cartorio", 392, 393).role(R::ProtestoPrazo),
        F::blank("uso_banco_7", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro opcional, tipo 2 (4.3): four 80-character messages, and seu número, vencimento and valor
/// repeated from the detail (regras de validação, 7.2).
pub const REMESSA_OPCIONAL: RecordLayout = RecordLayout {
    name: "registro_opcional",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::alpha("mensagem_1", 2, 81).role(R::Mensagem1),
        F::alpha("mensagem_2", 82, 161).role(R::Mensagem2),
        F::alpha("mensagem_3", 162, 241).role(R::Mensagem3),
        F::alpha("mensagem_4", 242, 321).role(R::Mensagem4),
        F::alpha("numero_nota_fiscal", 322, 365),
        F::alpha("seu_numero", 366, 375).role(R::SeuNumero),
        F::date6("vencimento", 376, 381).role(R::Vencimento),
        F::dec("valor_titulo", 382, 394, 2).role(R::ValorTitulo),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailer (4.4).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("uso_banco", 2, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno header (5.1).
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_retorno", 3, 9, "RETORNO"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 19).default("COBRANCA"),
        F::blank("uso_banco_1", 20, 21),
        F::num("contador_arquivo", 22, 26).role(R::Nsa),
        F::num("codigo_empresa", 27, 38).role(R::Conta),
        F::num("codigo_cedente", 39, 50).role(R::CodigoBeneficiario),
        F::blank("uso_banco_2", 51, 76),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 104).role(R::BancoNome),
        F::blank("uso_banco_3", 105, 108),
        F::num("conta_cobranca_direta", 109, 120),
        F::blank("uso_banco_4", 121, 124),
        F::date6("data_movimento", 125, 130).role(R::DataGeracao),
        F::blank("uso_banco_5", 131, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno detalhe (5.2).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3),
        F::num("inscricao_empresa", 4, 17),
        F::alpha("codigo_empresa", 18, 29),
        F::blank("uso_banco_1", 30, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::alpha("nosso_numero", 63, 73).role(R::NossoNumero),
        F::blank("branco", 74, 74),
        F::alpha("nosso_numero_complementar", 75, 86),
        F::blank("uso_banco_2", 87, 106),
        F::num("carteira", 107, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::blank("uso_banco_3", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
        F::blank("uso_banco_4", 174, 175),
        F::dec("tarifa", 176, 188, 2).role(R::Tarifa),
        F::blank("uso_banco_5", 189, 227),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_principal", 254, 266, 2).role(R::ValorPago),
        F::dec("juros", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_acrescimos", 280, 292, 2).role(R::OutrosCreditos),
        F::blank("brancos", 293, 294),
        F::blank("uso_banco_6", 295, 295),
        F::date6("data_credito", 296, 301).role(R::DataCredito),
        F::blank("uso_banco_7", 302, 365),
        F::num("posicao_campos_invalidos", 366, 377),
        F::num("codigos_erro", 378, 393).role(R::Motivos),
        F::blank("uso_banco_8", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailer (5.3). Its totals are the file's (6, D065-D068): D065 "somatório do valor de face dos títulos
/// existentes nos registros Detalhe do arquivo", D066 their number, D067 "somatório do valor efetivamente pago dos
/// títulos … (código de ocorrência de retorno = 6, 7, 8 ou 75)", D068 the number of those (the manual adds that the
/// cedente may ignore them: "meramente informativo").
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("uso_banco_1", 2, 2),
        F::dec("valor_total", 3, 16, 2)
            .role(R::ValorTotal)
            .total(T::valor_titulo(S::File)),
        F::num("quantidade_total", 17, 22)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::File)),
        F::dec("valor_total_liquidacoes", 23, 36, 2).total(T::valor_pago(OC_LIQUIDACAO)),
        F::num("quantidade_total_liquidacoes", 37, 42).total(T::quantidade(OC_LIQUIDACAO)),
        F::blank("uso_banco_2", 43, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// The liquidações the retorno trailer totals (D067, D068): ocorrências 06, 07, 08 and 75.
const OC_LIQUIDACAO: S = S::Ocorrencias(&["06", "07", "08", "75"]);

/// Códigos de ocorrência da remessa (D020).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("c6/cnab400-movimentos");

/// Códigos de ocorrência do retorno (D054).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("c6/cnab400-ocorrencias");

/// Reads the código de erro (378-393, D064) as up to four 4-digit codes (the generic reader would split it in
/// 2-digit motivos); `0000` is no code.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let Some(raw) = records.first().and_then(|r| r.bytes.get(377..393)) else {
        return;
    };
    e.motivos = raw
        .chunks(4)
        .filter_map(motivo_text)
        .map(|code| Motivo {
            code,
            description: None,
        })
        .collect();
}

/// Records of a remessa (the tipo 8 is the peers' PIX record, see the module doc).
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_OPCIONAL),
    (
        RecordKey::Detail(b'8'),
        &crate::banks::bradesco::cnab400::PIX_TIPO8_REMESSA,
    ),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// A remessa entry: the detail, the registro opcional when the title has messages, the PIX record (read only).
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem1, R::Mensagem2, R::Mensagem3, R::Mensagem4],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'8')),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// C6 CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// C6 CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    &[],
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
