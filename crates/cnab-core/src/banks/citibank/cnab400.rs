//! Citibank (745) — CNAB 400 cobrança com registro, remessa.
//!
//! Source: Citibank, "Manual CNAB 400 Posições — Cobrança Com Registro", versão 1.16 (file
//! `docs/Citibank/Manual CNAB400_1 16.pdf` in kivanio/brcobranca): "Registro Remessa - HEADER", "Registro Remessa –
//! DETALHE – Dados do Título", "Registro Remessa – DETALHE – Mensagens do Título" and "Registro Remessa - TRAILLER"
//! (pp. 3-8). Positions cross-checked against brcobranca `lib/brcobranca/remessa/cnab400/citibank.rb` and the real
//! remessa `pycobranca__remessa_citibank_cnab400.rem` of the corpus.
//!
//! Only the remessa is modelled: the Citibank retorno (same manual, pp. 9-18) carries its motivos as free text at
//! 302-321 and three record types (1 confirmação, 7 posição de carteira, 8 despesa de cartório), and no retorno file
//! of this bank is in the corpus.

use crate::bank::{oc, Emit, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{FileKind, Layout, OcorrenciaKind as K};

/// Source string of the Citibank tables.
pub const SOURCE: &str = "Citibank, Manual CNAB 400 Posições — Cobrança Com Registro v1.16";

/// Remessa header ("Registro Remessa - HEADER").
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
        F::alpha("nome_banco", 80, 94)
            .role(R::BancoNome)
            .default("CITIBANK"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::alpha("densidade", 101, 105).default("01600"),
        F::alpha("unidade_densidade", 106, 108).default("BPI"),
        F::blank("volume_fisico", 109, 114),
        F::blank("brancos", 115, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe, dados do título (tipo 1).
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
        F::num("especie", 63, 64).role(R::Especie),
        F::num("nosso_numero", 65, 76).role(R::NossoNumero),
        F::blank("brancos_1", 77, 82),
        F::date6("desconto2_data", 83, 88),
        F::dec("desconto2_valor", 89, 101, 2),
        F::num("carne", 102, 104),
        F::num("parcela", 105, 107),
        F::num("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("codigo_banco", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 147),
        F::num("tipo_emissao", 148, 149).role(R::Modalidade),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("instrucao", 157, 158).role(R::ProtestoCodigo),
        F::num("dias_instrucao", 159, 160).role(R::ProtestoPrazo),
        F::dec("juros_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("iof", 193, 205, 2).role(R::Iof),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_mensagem", 352, 391).role(R::SacadorNome),
        F::blank("brancos_2", 392, 393),
        F::num("moeda", 394, 394).default("9"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe, mensagens do título (tipo 2): three 100-character messages for the sacado eletrônico.
pub const REMESSA_MENSAGEM: RecordLayout = RecordLayout {
    name: "mensagem",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
        F::alpha("codigo_empresa", 18, 37).role(R::CodigoBeneficiario),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("especie", 63, 64).role(R::Especie),
        F::num("nosso_numero", 65, 76).role(R::NossoNumero),
        F::num("carteira", 77, 77).role(R::Carteira),
        F::alpha("seu_numero", 78, 87).role(R::SeuNumero),
        F::blank("brancos_1", 88, 93),
        F::alpha("mensagem_1", 94, 193).role(R::Mensagem1),
        F::alpha("mensagem_2", 194, 293).role(R::Mensagem2),
        F::alpha("mensagem_3", 294, 393).role(R::Mensagem3),
        F::blank("brancos_2", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailler.
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos", 2, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Códigos de ocorrência of the remessa (detalhe, 109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Remessa"),
    oc("02", K::Informativo, "Pedido de Devolução"),
    oc("04", K::Informativo, "Concessão de Abatimento"),
    oc("06", K::Informativo, "Prorrogação de Vencimento"),
    oc("07", K::Informativo, "Concessão de Desconto"),
    oc("09", K::Informativo, "Protesto Imediato"),
    oc("10", K::Informativo, "Sustar protesto"),
    oc("29", K::Informativo, "Pedido de negativação"),
    oc("39", K::Informativo, "Pedido de exclusão de negativação"),
];

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MENSAGEM),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord {
        key: RecordKey::Detail(b'1'),
        starts: true,
        emit: Emit::Always,
    },
    EntryRecord {
        key: RecordKey::Detail(b'2'),
        starts: false,
        emit: Emit::IfAny(&[R::Mensagem1, R::Mensagem2, R::Mensagem3]),
    },
];

/// Citibank CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec {
    layout: Layout::Cnab400,
    kind: FileKind::Remessa,
    versions: &[],
    records: REMESSA_RECORDS,
    entry: REMESSA_ENTRY,
    ocorrencias: MOVIMENTOS,
    motivos: &[],
    source: SOURCE,
    retorno_hook: None,
    titulo_hook: None,
    write_hook: None,
    crlf: true,
};

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_cover_400_positions() {
        for (_, l) in REMESSA_RECORDS {
            assert_eq!(l.check(), Ok(()), "{}", l.name);
        }
    }
}
