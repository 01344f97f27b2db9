//! FEBRABAN's 150-byte layouts: débito automático and arrecadação.
//!
//! Sources (positions 1-based inclusive, as printed):
//! - Débito automático: FEBRABAN, "Manual do Débito Automático — Layout Padrão FEBRABAN", versão 04 (layout débito
//!   versão 04, 2003/2007) and versão 05 (06.05.2008, "cadastramento pela empresa com validação da titularidade"),
//!   chapter "Layout dos registros" (registros A, B, C, D, E, F, H, I, J, K, L, T, X, Z). Cross-checked against the
//!   version 04 record tables reproduced by the Multipagos débito automático guide (registros A, B, F, J, Z and the
//!   F07 return codes), against ACBr's `Febraban150.LerTxtRetorno` (which reads every record, versions 04, 05, 06
//!   and 08) and BoletoNetCore's `BancoSantander.CNAB150.cs` (registro E of version 06).
//! - Arrecadação: FEBRABAN, "Layout Padrão de Arrecadação/Recebimento com Utilização do Código de Barras" (registros
//!   A, G, Z); the registro G positions checked field by field against the Banco do Brasil arrecadação retornos of
//!   the real-file corpus (`other/001-bb/cnab150-cnab150`), whose trailers count and sum them.
//!
//! Version 08 (2020, institution-side registration) widens the "identificação do cliente no banco" to 20 positions
//! and moves every later field; it is not read here (a header with version 08 or later is refused by name).

use crate::field::{FieldSpec as F, RecordLayout, Role as R};

/// Source string of the débito automático tables.
pub const SOURCE_DEBITO: &str =
    "FEBRABAN Layout Padrão de Débito Automático, versões 04 e 05 (registros A-Z, 150 posições)";
/// Source string of the arrecadação tables.
pub const SOURCE_ARRECADACAO: &str =
    "FEBRABAN Layout Padrão de Arrecadação/Recebimento com Utilização do Código de Barras (registros A, G, Z)";

/// Registro A — header (A01-A11), the same in both layouts. A02 `1` remessa (empresa → banco), `2` retorno;
/// A09 the layout version; A10 the service ("DEBITO AUTOMATICO"; arrecadação files may leave it blank).
pub const REGISTRO_A: RecordLayout = RecordLayout {
    name: "registro_a",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "A"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::alpha("convenio", 3, 22).role(R::Convenio),
        F::alpha("empresa_nome", 23, 42).role(R::EmpresaNome),
        F::num("banco", 43, 45).role(R::BancoCodigo),
        F::alpha("banco_nome", 46, 65).role(R::BancoNome),
        F::date_ymd("data_geracao", 66, 73).role(R::DataGeracao),
        F::num("nsa", 74, 79).role(R::Nsa),
        F::num("versao_layout", 80, 81).role(R::LayoutVersao),
        F::alpha("identificacao_servico", 82, 98),
        F::blank("reservado", 99, 150),
    ],
};

/// Registro B — cadastramento de débito automático (banco → empresa): B05 the date of the option (movimento 2,
/// inclusão) or of the exclusion (movimento 1).
pub const REGISTRO_B: RecordLayout = RecordLayout {
    name: "registro_b",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "B"),
        F::alpha("cliente_empresa", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::date_ymd("data_opcao", 45, 52).role(R::DataOcorrencia),
        F::blank("reservado", 53, 149),
        F::num("codigo_movimento", 150, 150).role(R::Movimento),
    ],
};

/// Registro C — ocorrências no cadastramento (empresa → banco): why the company refuses an option sent in a B.
pub const REGISTRO_C: RecordLayout = RecordLayout {
    name: "registro_c",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "C"),
        F::alpha("cliente_empresa", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::alpha("ocorrencia_1", 45, 84),
        F::alpha("ocorrencia_2", 85, 124),
        F::blank("reservado", 125, 149),
        F::num("codigo_movimento", 150, 150).role(R::Movimento),
    ],
};

/// Registro D — alteração da identificação do cliente na empresa (empresa → banco); movimento `0` alteração,
/// `1` exclusão.
pub const REGISTRO_D: RecordLayout = RecordLayout {
    name: "registro_d",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "D"),
        F::alpha("cliente_empresa_anterior", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::alpha("cliente_empresa_atual", 45, 69),
        F::alpha("ocorrencia", 70, 129),
        F::blank("reservado", 130, 149),
        F::num("codigo_movimento", 150, 150).role(R::Movimento),
    ],
};

/// Registro E — débito em conta corrente (empresa → banco), version 05: E06 the amount (2 decimals; E07 moeda
/// `03` real, `01` UFIR), E08 the company's own text (echoed in F08), E09/E10 the payer's CPF/CNPJ, E12 movimento
/// `0` débito normal, `1` cancelamento of a debit sent before.
pub const REGISTRO_E: RecordLayout = RecordLayout {
    name: "registro_e",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "E"),
        F::alpha("cliente_empresa", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::date_ymd("data_vencimento", 45, 52).role(R::Vencimento),
        F::dec("valor", 53, 67, 2).role(R::ValorTitulo),
        F::num("codigo_moeda", 68, 69).default("03"),
        F::alpha("uso_empresa", 70, 129).role(R::UsoEmpresa),
        F::num("tipo_identificacao", 130, 130),
        F::alpha("identificacao", 131, 145),
        F::blank("reservado", 146, 149),
        F::num("codigo_movimento", 150, 150).role(R::Movimento),
    ],
};

/// Registro E of version 04: no payer identification (130-149 reserved).
pub const REGISTRO_E_V04: RecordLayout = RecordLayout {
    name: "registro_e",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "E"),
        F::alpha("cliente_empresa", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::date_ymd("data_vencimento", 45, 52).role(R::Vencimento),
        F::dec("valor", 53, 67, 2).role(R::ValorTitulo),
        F::num("codigo_moeda", 68, 69).default("03"),
        F::alpha("uso_empresa", 70, 129).role(R::UsoEmpresa),
        F::blank("reservado", 130, 149),
        F::num("codigo_movimento", 150, 150).role(R::Movimento),
    ],
};

/// Registro F — retorno do débito automático (banco → empresa), version 05: F05 the debit date when F07 is `00`
/// (debited), else the due date; F06 the amount debited, else the amount sent; F07 the return code
/// ([`RETORNO_DEBITO`]); F08-F10 as sent in the E.
pub const REGISTRO_F: RecordLayout = RecordLayout {
    name: "registro_f",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "F"),
        F::alpha("cliente_empresa", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::date_ymd("data_debito", 45, 52).role(R::DataOcorrencia),
        F::dec("valor", 53, 67, 2).role(R::ValorPago),
        F::alpha("codigo_retorno", 68, 69).role(R::Ocorrencia),
        F::alpha("uso_empresa", 70, 129).role(R::UsoEmpresa),
        F::num("tipo_identificacao", 130, 130),
        F::alpha("identificacao", 131, 145),
        F::blank("reservado", 146, 149),
        F::num("codigo_movimento", 150, 150).role(R::Movimento),
    ],
};

/// Registro F of version 04: F08 uso da empresa 70-139, F09 reserved 140-149 (the Multipagos guide's version 04
/// table; ACBr reads 70 positions for versions before 05).
pub const REGISTRO_F_V04: RecordLayout = RecordLayout {
    name: "registro_f",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "F"),
        F::alpha("cliente_empresa", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::date_ymd("data_debito", 45, 52).role(R::DataOcorrencia),
        F::dec("valor", 53, 67, 2).role(R::ValorPago),
        F::alpha("codigo_retorno", 68, 69).role(R::Ocorrencia),
        F::alpha("uso_empresa", 70, 139).role(R::UsoEmpresa),
        F::blank("reservado", 140, 149),
        F::num("codigo_movimento", 150, 150).role(R::Movimento),
    ],
};

/// Registro H — ocorrência da alteração da identificação do cliente (banco → empresa): the answer to a D.
pub const REGISTRO_H: RecordLayout = RecordLayout {
    name: "registro_h",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "H"),
        F::alpha("cliente_empresa_anterior", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::alpha("cliente_empresa_atual", 45, 69),
        F::alpha("ocorrencia", 70, 127),
        F::blank("reservado", 128, 149),
        F::num("codigo_movimento", 150, 150).role(R::Movimento),
    ],
};

/// Registro I — incentivo de débito automático (empresa → banco): a customer the bank may offer the service to.
pub const REGISTRO_I: RecordLayout = RecordLayout {
    name: "registro_i",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "I"),
        F::alpha("cliente_empresa", 2, 26).role(R::SeuNumero),
        F::num("tipo_identificacao", 27, 27),
        F::alpha("identificacao", 28, 41),
        F::alpha("nome", 42, 81),
        F::alpha("cidade", 82, 111),
        F::alpha("uf", 112, 113),
        F::blank("reservado", 114, 150),
    ],
};

/// Registro J — confirmação de processamento de arquivos: J02-J05 repeat the processed file's NSA, generation
/// date, Z02 and Z03; J06 the processing date.
pub const REGISTRO_J: RecordLayout = RecordLayout {
    name: "registro_j",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "J"),
        F::num("nsa", 2, 7),
        F::date_ymd("data_geracao", 8, 15),
        F::num("total_registros", 16, 21),
        F::dec("valor_total", 22, 38, 2),
        F::date_ymd("data_processamento", 39, 46),
        F::blank("reservado", 47, 150),
    ],
};

/// Registro K — tratamento de lançamentos de tributos (empresa → banco), as ACBr reads it (K05 tipo de tratamento,
/// K06 valor, K07 código da receita, K08/K09 CPF/CNPJ).
pub const REGISTRO_K: RecordLayout = RecordLayout {
    name: "registro_k",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "K"),
        F::alpha("cliente_empresa", 2, 26).role(R::SeuNumero),
        F::alpha("agencia", 27, 30).role(R::Agencia),
        F::alpha("cliente_banco", 31, 44).role(R::Conta),
        F::num("tipo_tratamento", 45, 46),
        F::dec("valor", 47, 61, 2),
        F::num("codigo_receita", 62, 65),
        F::num("tipo_identificacao", 66, 66),
        F::alpha("identificacao", 67, 81),
        F::blank("reservado", 82, 150),
    ],
};

/// Registro L — cronograma de faturamento (empresa → banco).
pub const REGISTRO_L: RecordLayout = RecordLayout {
    name: "registro_l",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "L"),
        F::date_ymd("data_faturamento", 2, 9),
        F::date_ymd("data_vencimento", 10, 17),
        F::date_ymd("data_remessa_banco", 18, 25),
        F::date_ymd("data_remessa_contas", 26, 33),
        F::blank("reservado", 34, 150),
    ],
};

/// Registro T — total de clientes debitados (banco → empresa).
pub const REGISTRO_T: RecordLayout = RecordLayout {
    name: "registro_t",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "T"),
        F::num("total_registros", 2, 7),
        F::dec("valor_total", 8, 24, 2),
        F::blank("reservado", 25, 150),
    ],
};

/// Registro X — relação de agências (banco → empresa); X09 situação `A` ativa, `B` em regime de encerramento.
pub const REGISTRO_X: RecordLayout = RecordLayout {
    name: "registro_x",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "X"),
        F::alpha("agencia", 2, 5).role(R::Agencia),
        F::alpha("agencia_nome", 6, 35),
        F::alpha("endereco", 36, 65),
        F::alpha("numero", 66, 70),
        F::alpha("cep", 71, 78),
        F::alpha("cidade", 79, 98),
        F::alpha("uf", 99, 100),
        F::alpha("situacao", 101, 101),
        F::blank("reservado", 102, 150),
    ],
};

/// Registro Z — trailer: Z02 the records of the file, header and trailer included; Z03 the sum of E06 (remessa),
/// F06 (retorno) or G06 (arrecadação).
pub const REGISTRO_Z: RecordLayout = RecordLayout {
    name: "registro_z",
    len: 150,
    source: SOURCE_DEBITO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "Z"),
        F::num("total_registros", 2, 7).role(R::QtdRegistros),
        F::dec("valor_total", 8, 24, 2).role(R::ValorTotal),
        F::blank("reservado", 25, 150),
    ],
};

/// Registro G — arrecadação retorno (banco → empresa): one payment of a convênio slip. G02 the company's account
/// at the bank, G03 the payment date, G04 the credit date, G05 the 44-digit barcode paid, G06 the amount received,
/// G07 the bank's fee, G08 NSR (the record's number, 1 for the first G), G09 the collecting agency, G10 the
/// channel (forma de arrecadação), G11 the authentication, G12 the payment form.
pub const REGISTRO_G: RecordLayout = RecordLayout {
    name: "registro_g",
    len: 150,
    source: SOURCE_ARRECADACAO,
    fields: &[
        F::constant("codigo_registro", 1, 1, "G"),
        F::alpha("conta", 2, 21).role(R::Conta),
        F::date_ymd("data_pagamento", 22, 29).role(R::DataOcorrencia),
        F::date_ymd("data_credito", 30, 37).role(R::DataCredito),
        F::alpha("codigo_barras", 38, 81),
        F::dec("valor_recebido", 82, 93, 2).role(R::ValorPago),
        F::dec("valor_tarifa", 94, 100, 2).role(R::Tarifa),
        F::num("nsr", 101, 108).role(R::Sequencial),
        F::alpha("agencia_arrecadadora", 109, 116).role(R::AgenciaCobradora),
        F::alpha("forma_arrecadacao", 117, 117),
        F::alpha("autenticacao", 118, 140),
        F::alpha("forma_pagamento", 141, 141),
        F::blank("reservado", 142, 150),
    ],
};

/// One return code of registro F (F07), with what it means for the debit.
#[derive(Debug, Clone, Copy)]
pub struct RetornoDef {
    /// The code.
    pub code: &'static str,
    /// Debited, not debited, a cancellation answer, or registration upkeep.
    pub resultado: crate::cnab150::Resultado,
    /// FEBRABAN's description.
    pub description: &'static str,
}

const fn rd(
    code: &'static str,
    resultado: crate::cnab150::Resultado,
    description: &'static str,
) -> RetornoDef {
    RetornoDef {
        code,
        resultado,
        description,
    }
}

use crate::cnab150::Resultado as Res;

/// F07 return codes, FEBRABAN débito automático version 04/05 (the list the Multipagos version 04 guide, ACBr's
/// `GetRetorno` and laravel-boleto's Cnab150 retornos agree on); `19` and `20` are version 05 additions (ACBr,
/// laravel-boleto Sicredi).
pub const RETORNO_DEBITO: &[RetornoDef] = &[
    rd("00", Res::Debitado, "Débito efetuado"),
    rd(
        "01",
        Res::NaoDebitado,
        "Débito não efetuado - Insuficiência de fundos",
    ),
    rd(
        "02",
        Res::NaoDebitado,
        "Débito não efetuado - Conta corrente não cadastrada",
    ),
    rd(
        "04",
        Res::NaoDebitado,
        "Débito não efetuado - Outras restrições",
    ),
    rd(
        "05",
        Res::NaoDebitado,
        "Débito não efetuado - Valor do débito excede valor limite aprovado",
    ),
    rd(
        "10",
        Res::NaoDebitado,
        "Débito não efetuado - Agência em regime de encerramento",
    ),
    rd(
        "12",
        Res::NaoDebitado,
        "Débito não efetuado - Valor inválido",
    ),
    rd(
        "13",
        Res::NaoDebitado,
        "Débito não efetuado - Data de lançamento inválida",
    ),
    rd(
        "14",
        Res::NaoDebitado,
        "Débito não efetuado - Agência inválida",
    ),
    rd(
        "15",
        Res::NaoDebitado,
        "Débito não efetuado - Conta corrente inválida",
    ),
    rd(
        "18",
        Res::NaoDebitado,
        "Débito não efetuado - Data do débito anterior à do processamento",
    ),
    rd(
        "19",
        Res::NaoDebitado,
        "Débito não efetuado - Agência/conta não pertence ao CPF/CNPJ informado",
    ),
    rd(
        "20",
        Res::NaoDebitado,
        "Débito não efetuado - Conta conjunta não solidária",
    ),
    rd(
        "30",
        Res::NaoDebitado,
        "Débito não efetuado - Sem contrato de débito automático",
    ),
    rd(
        "31",
        Res::Debitado,
        "Débito efetuado em data diferente da data informada - feriado na praça de débito",
    ),
    rd("96", Res::Cadastro, "Manutenção do cadastro"),
    rd("97", Res::Cancelamento, "Cancelamento - Não encontrado"),
    rd(
        "98",
        Res::Cancelamento,
        "Cancelamento - Não efetuado, fora do tempo hábil",
    ),
    rd(
        "99",
        Res::Cancelamento,
        "Cancelamento - Cancelado conforme solicitação",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_contiguous_and_150_wide() {
        for t in [
            &REGISTRO_A,
            &REGISTRO_B,
            &REGISTRO_C,
            &REGISTRO_D,
            &REGISTRO_E,
            &REGISTRO_E_V04,
            &REGISTRO_F,
            &REGISTRO_F_V04,
            &REGISTRO_G,
            &REGISTRO_H,
            &REGISTRO_I,
            &REGISTRO_J,
            &REGISTRO_K,
            &REGISTRO_L,
            &REGISTRO_T,
            &REGISTRO_X,
            &REGISTRO_Z,
        ] {
            assert_eq!(t.check(), Ok(()), "{}", t.name);
        }
    }
}
