//! Banco Fibra (224) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco Fibra, "Produto Cobrança Bancária — Manual do Usuário, CNAB 400" (layout de agosto 2021, file
//! `BANCO FIBRA_COB_CNAB400__Mai_22.pdf` in eduardokum/laravel-boleto `manuais/FIBRA/`): "Descrição de registro —
//! Remessa" (header, registro de transação 1, mensagem 2, nota fiscal 4, sacador 5, trailler, pp. 4-11) and
//! "Descrição registro — Retorno" (header, transação 1, trailler, notas 1-8, tabela 2.3 de erros, pp. 12-19).
//! Positions cross-checked against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Fibra.php` and against
//! the real retorno `laravelboleto__fibra.ret` of the corpus.
//!
//! Banco Pine (643) uses the very same layout (same processing platform, "BPI" density literal in the header);
//! [`crate::banks::pine`] reuses these tables.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::Layout;

/// Source string of the Fibra tables.
pub const SOURCE: &str =
    "Banco Fibra, Produto Cobrança Bancária — Manual do Usuário CNAB 400 (ago/2021, rev. mai/2022)";

/// Remessa header (manual p. 4, "Registro Header").
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::alpha("codigo_empresa", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).role(R::BancoNome),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos", 101, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro de transação, tipo 1 (manual pp. 5-6; notas 1-13).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
        F::alpha("codigo_empresa", 18, 37).role(R::CodigoBeneficiario),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::alpha("nosso_numero_correspondente", 74, 86),
        F::alpha("carteira_correspondente", 87, 89),
        F::num("codigo_multa", 90, 90).role(R::MultaCodigo),
        F::dec("valor_multa", 91, 103, 2).role(R::MultaValor),
        F::num("dias_multa", 104, 105),
        F::blank("uso_banco", 106, 107),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 146),
        F::num("agencia_cobradora_dac", 147, 147),
        F::alpha("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::num("instrucao_2", 159, 160),
        F::dec("juros_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("iof", 193, 205, 2).role(R::Iof),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 264).role(R::PagadorNome),
        F::blank("brancos_1", 265, 274),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_nome", 352, 381).role(R::SacadorNome),
        F::blank("brancos_2", 382, 385),
        F::blank("brancos_3", 386, 391),
        F::num("prazo_protesto", 392, 393).role(R::ProtestoPrazo),
        F::alpha("moeda", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro de mensagem, tipo 2 (manual p. 8): five free 69-character messages.
pub const REMESSA_MENSAGEM: RecordLayout = RecordLayout {
    name: "mensagem",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::constant("zero", 2, 2, "0"),
        F::alpha("mensagem_1", 3, 71).role(R::Mensagem1),
        F::alpha("mensagem_2", 72, 140).role(R::Mensagem2),
        F::alpha("mensagem_3", 141, 209).role(R::Mensagem3),
        F::alpha("mensagem_4", 210, 278).role(R::Mensagem4),
        F::alpha("mensagem_5", 279, 347),
        F::blank("brancos", 348, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro de nota fiscal eletrônica, tipo 4 (manual p. 10). Read only.
pub const REMESSA_NOTA_FISCAL: RecordLayout = RecordLayout {
    name: "nota_fiscal",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "4"),
        F::alpha("nota_fiscal_1", 2, 16),
        F::dec("valor_nota_fiscal_1", 17, 29, 2),
        F::alpha("emissao_nota_fiscal_1", 30, 37),
        F::alpha("chave_nota_fiscal_1", 38, 81),
        F::alpha("nota_fiscal_2", 82, 96),
        F::dec("valor_nota_fiscal_2", 97, 109, 2),
        F::alpha("emissao_nota_fiscal_2", 110, 117),
        F::alpha("chave_nota_fiscal_2", 118, 161),
        F::alpha("nota_fiscal_3", 162, 176),
        F::dec("valor_nota_fiscal_3", 177, 189, 2),
        F::alpha("emissao_nota_fiscal_3", 190, 197),
        F::alpha("chave_nota_fiscal_3", 198, 241),
        F::blank("brancos", 242, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro sacador/avalista, tipo 5 (manual p. 9).
pub const REMESSA_SACADOR: RecordLayout = RecordLayout {
    name: "sacador_avalista",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "5"),
        F::blank("brancos_1", 2, 121),
        F::num("sacador_tipo_inscricao", 122, 123).role(R::SacadorTipoInscricao),
        F::num("sacador_inscricao", 124, 137).role(R::SacadorInscricao),
        F::alpha("sacador_endereco", 138, 177),
        F::alpha("sacador_bairro", 178, 189),
        F::num("sacador_cep", 190, 197),
        F::alpha("sacador_cidade", 198, 212),
        F::alpha("sacador_uf", 213, 214),
        F::blank("brancos_2", 215, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailler (manual p. 11).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Retorno header (manual p. 12): the remessa header's with the retorno literals and, after the date, the
/// densidade, the retorno's number and blanks.
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    fields: patched!(
        REMESSA_HEADER.fields,
        [
            F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
            F::constant("literal_retorno", 3, 9, "RETORNO"),
            F::num("densidade", 101, 105).default("01600"),
            F::alpha("unidade_densidade", 106, 108).default("BPI"),
            F::num("sequencial_retorno", 109, 113).role(R::Nsa),
            F::blank("brancos_1", 114, 119),
            F::blank("brancos_2", 120, 394),
        ]
    ),
    ..REMESSA_HEADER
};

/// Retorno registro de transação, tipo 1 (manual pp. 13-15; notas 1-8).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3),
        F::num("inscricao_empresa", 4, 17),
        F::alpha("codigo_empresa", 18, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::blank("brancos_1", 74, 82),
        F::alpha("nossa_carteira", 83, 85),
        F::blank("brancos_2", 86, 94),
        F::alpha("nosso_numero_correspondente", 95, 107),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::blank("brancos_3", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 172).role(R::AgenciaCobradora),
        F::num("agencia_cobradora_dac", 173, 173),
        F::alpha("especie", 174, 175),
        F::dec("tarifa_cobranca", 176, 188, 2).role(R::Tarifa),
        F::blank("brancos_4", 189, 214),
        F::dec("iof", 215, 227, 2).role(R::Iof),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::blank("complemento", 280, 376),
        F::alpha("moeda", 377, 377),
        F::alpha("erros", 378, 385).role(R::Motivos),
        F::date6("data_credito", 386, 391).role(R::DataCredito),
        F::blank("filler", 392, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailler (manual p. 19).
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::constant("codigo_retorno", 2, 2, "2"),
        F::constant("codigo_servico", 3, 4, "01"),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("zeros", 8, 105),
        F::blank("livre", 106, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Movimentos of the remessa (nota 4, p. 7).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("fibra/cnab400-movimentos");

/// Ocorrências of the retorno (nota 8, pp. 15-16).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("fibra/cnab400-ocorrencias");

/// Error codes of rejected records (tabela 2.3, pp. 16-19), per ocorrência 03, 15 and 16.
pub const MOTIVOS: &[MotivoDef] = codes!("fibra/cnab400-motivos");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MENSAGEM),
    (RecordKey::Detail(b'4'), &REMESSA_NOTA_FISCAL),
    (RecordKey::Detail(b'5'), &REMESSA_SACADOR),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem1, R::Mensagem2, R::Mensagem3, R::Mensagem4],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::SacadorInscricao]),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// Fibra CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// Fibra CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
