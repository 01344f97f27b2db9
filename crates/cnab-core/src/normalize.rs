//! From records to the model and back: generic over roles.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::bank::LayoutSpec;
use crate::error::Error;
use crate::field::{decode_date, decode_digits, decode_num, decode_text, FieldSpec, Kind, Role};
use crate::model::{
    Header, Inscricao, Motivo, Ocorrencia, OcorrenciaKind, Pessoa, RetornoEntry, Titulo,
};
use crate::read::CodeIndex;
use crate::record::Record;

/// One field of one record, ready to be read as text, number or date.
pub(crate) struct Cell<'a> {
    pub spec: &'static FieldSpec,
    pub raw: &'a [u8],
    pub line: usize,
    pub record: &'static str,
}

impl Cell<'_> {
    fn err(&self, kind: crate::ErrorKind) -> Error {
        Error::at_field(self.line, self.record, self.spec, kind)
    }
    /// Text, trimmed both sides.
    pub fn text(&self) -> String {
        // Trim the bytes first (spaces are one byte in Windows-1252), then decode once.
        let start = self
            .raw
            .iter()
            .position(|&b| b != b' ')
            .unwrap_or(self.raw.len());
        decode_text(self.raw.get(start..).unwrap_or(&[]))
    }
    /// Digits kept as text (leading zeros kept); spaces → empty. Alpha fields are returned trimmed.
    pub fn digits(&self) -> Result<String, Error> {
        match self.spec.kind {
            Kind::Num { .. } => decode_digits(self.raw)
                .map(|d| d.unwrap_or("").to_string())
                .map_err(|k| self.err(k)),
            _ => Ok(self.text()),
        }
    }
    /// A decimal (numbers of any scale).
    pub fn decimal(&self) -> Result<Option<Decimal>, Error> {
        match self.spec.kind {
            Kind::Num { scale } => decode_num(self.raw, scale).map_err(|k| self.err(k)),
            _ => {
                let t = self.text();
                if t.is_empty() {
                    Ok(None)
                } else {
                    decode_num(t.as_bytes(), 0).map_err(|k| self.err(k))
                }
            }
        }
    }
    /// A date.
    pub fn date(&self) -> Result<Option<NaiveDate>, Error> {
        match self.spec.kind {
            Kind::Date(fmt) => decode_date(self.raw, fmt).map_err(|k| self.err(k)),
            _ => Ok(None),
        }
    }
    /// A small integer.
    pub fn int(&self) -> Result<Option<u64>, Error> {
        let d = self.digits()?;
        if d.is_empty() {
            return Ok(None);
        }
        d.parse::<u64>()
            .map(Some)
            .map_err(|_| self.err(crate::ErrorKind::NotDigits { found: d.clone() }))
    }
}

/// Calls `f` for every field with a role in these records.
pub(crate) fn for_roles<'r>(records: &'r [Record<'r>], mut f: impl FnMut(Role, Cell<'r>)) {
    for r in records {
        for spec in r.layout.fields {
            if let Some(role) = spec.role {
                f(
                    role,
                    Cell {
                        spec,
                        raw: spec.slice(r.bytes),
                        line: r.line,
                        record: r.layout.name,
                    },
                );
            }
        }
    }
}

fn keep<T>(problems: &mut Vec<Error>, r: Result<T, Error>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(e);
            None
        }
    }
}

/// Stores a decoded optional value; a problem is kept and the field left as it was.
fn set_opt<T>(problems: &mut Vec<Error>, dst: &mut Option<T>, v: Result<Option<T>, Error>) {
    if let Some(Some(v)) = keep(problems, v) {
        *dst = Some(v);
    }
}

/// Stores digits kept as text; a problem is kept and the field left as it was.
fn set_digits(problems: &mut Vec<Error>, dst: &mut String, v: Result<String, Error>) {
    if let Some(v) = keep(problems, v) {
        set_text(dst, v);
    }
}

fn set_text(dst: &mut String, v: String) {
    if !v.is_empty() || dst.is_empty() {
        *dst = v;
    }
}

/// A CPF/CNPJ as sent, with the zero-fill of a wider field removed (11 positions for a CPF, 14 for a CNPJ).
pub(crate) fn unpad_inscricao(numero: &mut String, tipo: Option<u8>) {
    let keep = match tipo {
        Some(1) => 11,
        Some(2) => 14,
        _ if numero.len() > 14 => 14,
        _ => return,
    };
    while numero.len() > keep && numero.starts_with('0') {
        numero.remove(0);
    }
    if numero.bytes().all(|b| b == b'0') {
        numero.clear();
    }
}

pub(crate) fn tipo(d: Option<u64>) -> Option<u8> {
    d.and_then(|v| u8::try_from(v).ok()).filter(|v| *v != 0)
}

/// Header fields from header records.
pub(crate) fn header(records: &[Record<'_>], h: &mut Header, problems: &mut Vec<Error>) {
    for_roles(records, |role, c| {
        let b = &mut h.beneficiario;
        match role {
            Role::EmpresaNome => set_text(&mut b.nome, c.text()),
            Role::EmpresaTipoInscricao => {
                if let Some(t) = keep(problems, c.int()) {
                    b.inscricao.tipo = tipo(t).or(b.inscricao.tipo);
                }
            }
            Role::EmpresaInscricao => set_text(&mut b.inscricao.numero, c.text()),
            Role::Agencia => {
                if let Some(v) = keep(problems, c.digits()) {
                    set_text(&mut b.agencia, v)
                }
            }
            Role::AgenciaDv => set_text(&mut b.agencia_dv, c.text()),
            Role::Conta => {
                if let Some(v) = keep(problems, c.digits()) {
                    set_text(&mut b.conta, v)
                }
            }
            Role::ContaDv => set_text(&mut b.conta_dv, c.text()),
            Role::Convenio => set_text(&mut b.convenio, c.text()),
            Role::CodigoBeneficiario => {
                if let Some(v) = keep(problems, c.digits()) {
                    set_text(&mut b.codigo_beneficiario, v)
                }
            }
            Role::Carteira => set_text(&mut b.carteira, c.text()),
            Role::Variacao => set_text(&mut b.variacao, c.text()),
            Role::BancoNome => set_text(&mut h.banco_nome, c.text()),
            Role::Nsa => {
                if let Some(Some(n)) = keep(problems, c.int()) {
                    if h.nsa.is_none() {
                        h.nsa = Some(n);
                    }
                }
            }
            Role::DataGeracao => {
                if let Some(Some(d)) = keep(problems, c.date()) {
                    if h.data_geracao.is_none() {
                        h.data_geracao = Some(d);
                    }
                }
            }
            Role::DataCredito => {
                if let Some(Some(d)) = keep(problems, c.date()) {
                    h.data_credito = Some(d);
                }
            }
            Role::LayoutVersao => set_text(&mut h.layout_versao, c.text()),
            _ => {}
        }
    });
    unpad_inscricao(
        &mut h.beneficiario.inscricao.numero,
        h.beneficiario.inscricao.tipo,
    );
}

pub(crate) fn motivos(codes: &CodeIndex, ocorrencia: &str, raw: &str) -> Vec<Motivo> {
    let bytes = raw.as_bytes();
    bytes
        .chunks(2)
        .filter_map(|ch| std::str::from_utf8(ch).ok())
        .map(str::trim)
        .filter(|c| !c.is_empty() && c.bytes().any(|b| b != b'0'))
        .map(|code| Motivo {
            code: code.to_string(),
            description: codes
                .motivo(ocorrencia, code)
                .map(|m| m.description.to_string()),
        })
        .collect()
}

/// True when nothing of the person is given; field by field (no default value built and compared), as it runs for
/// every entry read.
pub(crate) fn is_empty_pessoa(p: &Pessoa) -> bool {
    let Pessoa {
        inscricao: Inscricao { tipo, numero },
        nome,
        endereco,
        bairro,
        cep,
        cidade,
        uf,
    } = p;
    tipo.is_none()
        && [numero, nome, endereco, bairro, cep, cidade, uf]
            .iter()
            .all(|s| s.is_empty())
}

/// A retorno entry from its records.
pub(crate) fn retorno_entry(
    spec: &LayoutSpec,
    codes: &CodeIndex,
    records: &[Record<'_>],
    problems: &mut Vec<Error>,
) -> RetornoEntry {
    let mut e = RetornoEntry {
        line: records.first().map_or(0, |r| r.line),
        last_line: records.last().map_or(0, |r| r.line),
        ..Default::default()
    };
    let mut motivos_raw = String::new();
    let mut pagador = Pessoa::default();
    let mut pix = crate::model::PixInfo::default();
    let mut ocorrencia_cell: Option<(String, usize, &'static str, &'static FieldSpec)> = None;
    for_roles(records, |role, c| match role {
        Role::NossoNumero => match c.digits() {
            Ok(v) => set_text(&mut e.nosso_numero, v),
            // The reconciliation key is kept as sent (lenient reading), never emptied; the problem names it.
            Err(err) => {
                problems.push(err);
                set_text(&mut e.nosso_numero, c.text());
            }
        },
        Role::NossoNumeroDv => e.nosso_numero_dv = Some(c.text()).filter(|s| !s.is_empty()),
        Role::SeuNumero => set_text(&mut e.seu_numero, c.text()),
        Role::UsoEmpresa => set_text(&mut e.uso_empresa, c.text()),
        Role::Carteira => set_text(&mut e.carteira, c.text()),
        Role::Variacao | Role::Modalidade => set_text(&mut e.variacao, c.text()),
        Role::Ocorrencia => {
            // The first record's code wins (segment U repeats segment T's); an empty or zero code never overrides.
            if let Some(code) = keep(problems, c.digits()) {
                let zero = code.bytes().all(|b| b == b'0');
                if ocorrencia_cell.is_none()
                    || (!zero
                        && ocorrencia_cell
                            .as_ref()
                            .is_some_and(|(k, ..)| k.bytes().all(|b| b == b'0')))
                {
                    ocorrencia_cell = Some((code, c.line, c.record, c.spec));
                }
            }
        }
        Role::Motivos if c.raw.iter().any(|&b| b != b' ') => {
            motivos_raw.push_str(&decode_text(c.raw));
        }
        Role::DataOcorrencia => set_opt(problems, &mut e.data_ocorrencia, c.date()),
        Role::DataCredito => set_opt(problems, &mut e.data_credito, c.date()),
        Role::Vencimento => set_opt(problems, &mut e.vencimento, c.date()),
        Role::ValorTitulo => set_opt(problems, &mut e.valor_titulo, c.decimal()),
        Role::ValorPago => set_opt(problems, &mut e.valor_pago, c.decimal()),
        Role::ValorCreditado => set_opt(problems, &mut e.valor_creditado, c.decimal()),
        Role::JurosMulta => set_opt(problems, &mut e.juros_multa, c.decimal()),
        Role::Juros => set_opt(problems, &mut e.juros, c.decimal()),
        Role::Multa => set_opt(problems, &mut e.multa, c.decimal()),
        Role::Desconto => set_opt(problems, &mut e.desconto, c.decimal()),
        Role::Abatimento => set_opt(problems, &mut e.abatimento, c.decimal()),
        Role::Iof => set_opt(problems, &mut e.iof, c.decimal()),
        Role::Tarifa => set_opt(problems, &mut e.tarifa, c.decimal()),
        Role::OutrasDespesas => set_opt(problems, &mut e.outras_despesas, c.decimal()),
        Role::OutrosCreditos => set_opt(problems, &mut e.outros_creditos, c.decimal()),
        Role::BancoCobrador => set_text(&mut e.banco_cobrador, c.text()),
        Role::AgenciaCobradora => set_text(&mut e.agencia_cobradora, c.text()),
        Role::PagadorNome => set_text(&mut pagador.nome, c.text()),
        Role::PagadorInscricao => set_text(&mut pagador.inscricao.numero, c.text()),
        Role::PagadorTipoInscricao => {
            if let Some(t) = keep(problems, c.int()) {
                pagador.inscricao.tipo = tipo(t);
            }
        }
        Role::PixTipoChave => set_text(&mut pix.tipo_chave, c.text()),
        Role::PixChave => set_text(&mut pix.chave, c.text()),
        Role::PixUrl => set_text(&mut pix.url, c.text()),
        Role::PixTxid => set_text(&mut pix.txid, c.text()),
        Role::PixEmv => set_text(&mut pix.emv, c.text()),
        Role::PixLocation => set_text(&mut pix.location, c.text()),
        _ => {}
    });
    if !pix.is_empty() {
        e.pix = Some(pix);
    }
    if let Some((code, line, record, fspec)) = ocorrencia_cell {
        if !motivos_raw.is_empty() {
            e.motivos = motivos(codes, &code, &motivos_raw);
        }
        let (kind, description) = match codes.ocorrencia(&code) {
            Some(d) => (d.kind, d.description.to_string()),
            None => {
                problems.push(Error::at_field(
                    line,
                    record,
                    fspec,
                    crate::ErrorKind::UnknownOcorrencia { code: code.clone() },
                ));
                (OcorrenciaKind::Desconhecida, String::new())
            }
        };
        e.ocorrencia = Some(Ocorrencia {
            code,
            kind,
            description,
        });
    }
    unpad_inscricao(&mut pagador.inscricao.numero, pagador.inscricao.tipo);
    if !is_empty_pessoa(&pagador) {
        e.pagador = Some(pagador);
    }
    // Layouts that carry juros and multa apart still give the combined total every entry has.
    if e.juros_multa.is_none() && (e.juros.is_some() || e.multa.is_some()) {
        e.juros_multa = Some(e.juros.unwrap_or_default() + e.multa.unwrap_or_default());
    }
    if let Some(hook) = spec.retorno_hook {
        hook(&mut e, records, problems);
    }
    e
}

/// A remessa title from its records.
pub(crate) fn titulo(
    spec: &LayoutSpec,
    records: &[Record<'_>],
    problems: &mut Vec<Error>,
) -> Titulo {
    let mut t = Titulo {
        line: records.first().map_or(0, |r| r.line),
        ..Default::default()
    };
    let mut sacador = Pessoa::default();
    let mut pix = crate::model::PixInfo::default();
    let mut pagamento = crate::model::TipoPagamento::default();
    let mut msgs: [String; 4] = Default::default();
    for_roles(records, |role, c| match role {
        Role::Movimento => set_digits(problems, &mut t.movimento, c.digits()),
        Role::NossoNumero => match c.digits() {
            Ok(v) => set_text(&mut t.nosso_numero, v),
            Err(err) => {
                problems.push(err);
                set_text(&mut t.nosso_numero, c.text());
            }
        },
        Role::NossoNumeroDv => t.nosso_numero_dv = Some(c.text()).filter(|s| !s.is_empty()),
        Role::SeuNumero => set_text(&mut t.seu_numero, c.text()),
        Role::UsoEmpresa => set_text(&mut t.uso_empresa, c.text()),
        Role::Carteira => set_text(&mut t.carteira, c.text()),
        Role::Variacao | Role::Modalidade => set_text(&mut t.variacao, c.text()),
        Role::Especie => set_text(&mut t.especie, c.text()),
        Role::Aceite => set_text(&mut t.aceite, c.text()),
        Role::Emissao => set_opt(problems, &mut t.emissao, c.date()),
        Role::Vencimento => set_opt(problems, &mut t.vencimento, c.date()),
        Role::ValorTitulo => {
            if let Some(Some(v)) = keep(problems, c.decimal()) {
                t.valor = v;
            }
        }
        Role::JurosCodigo => set_text(&mut t.juros.codigo, c.text()),
        Role::JurosData => set_opt(problems, &mut t.juros.data, c.date()),
        Role::JurosValor => set_opt(problems, &mut t.juros.valor, c.decimal()),
        Role::MultaCodigo => set_text(&mut t.multa.codigo, c.text()),
        Role::MultaData => set_opt(problems, &mut t.multa.data, c.date()),
        Role::MultaValor => set_opt(problems, &mut t.multa.valor, c.decimal()),
        Role::DescontoCodigo => set_text(&mut t.desconto.codigo, c.text()),
        Role::DescontoData => set_opt(problems, &mut t.desconto.data, c.date()),
        Role::DescontoValor => set_opt(problems, &mut t.desconto.valor, c.decimal()),
        Role::Abatimento => set_opt(problems, &mut t.abatimento, c.decimal()),
        Role::Iof => set_opt(problems, &mut t.iof, c.decimal()),
        Role::ProtestoCodigo => set_text(&mut t.protesto.codigo, c.text()),
        Role::ProtestoPrazo => {
            if let Some(v) = keep(problems, c.int()) {
                t.protesto.prazo = v.and_then(|v| u32::try_from(v).ok());
            }
        }
        Role::BaixaCodigo => set_text(&mut t.baixa.codigo, c.text()),
        Role::BaixaPrazo => {
            if let Some(v) = keep(problems, c.int()) {
                t.baixa.prazo = v.and_then(|v| u32::try_from(v).ok());
            }
        }
        Role::PagadorTipoInscricao => {
            if let Some(v) = keep(problems, c.int()) {
                t.pagador.inscricao.tipo = tipo(v);
            }
        }
        Role::PagadorInscricao => set_text(&mut t.pagador.inscricao.numero, c.text()),
        Role::PagadorNome => set_text(&mut t.pagador.nome, c.text()),
        Role::PagadorEndereco => set_text(&mut t.pagador.endereco, c.text()),
        Role::PagadorBairro => set_text(&mut t.pagador.bairro, c.text()),
        Role::PagadorCep => set_digits(problems, &mut t.pagador.cep, c.digits()),
        Role::PagadorCidade => set_text(&mut t.pagador.cidade, c.text()),
        Role::PagadorUf => set_text(&mut t.pagador.uf, c.text()),
        Role::SacadorTipoInscricao => {
            if let Some(v) = keep(problems, c.int()) {
                sacador.inscricao.tipo = tipo(v);
            }
        }
        Role::SacadorInscricao => set_text(&mut sacador.inscricao.numero, c.text()),
        Role::SacadorNome => set_text(&mut sacador.nome, c.text()),
        Role::Mensagem1 => set_text(&mut msgs[0], c.text()),
        Role::Mensagem2 => set_text(&mut msgs[1], c.text()),
        Role::Mensagem3 => set_text(&mut msgs[2], c.text()),
        Role::Mensagem4 => set_text(&mut msgs[3], c.text()),
        Role::PixTipoChave => set_text(&mut pix.tipo_chave, c.text()),
        Role::PixChave => set_text(&mut pix.chave, c.text()),
        Role::PixTxid => set_text(&mut pix.txid, c.text()),
        Role::PixLocation => set_text(&mut pix.location, c.text()),
        Role::PagamentoTipo => set_text(&mut pagamento.tipo, c.text()),
        Role::PagamentoQuantidade => {
            if let Some(v) = keep(problems, c.int()) {
                pagamento.quantidade = v.and_then(|v| u32::try_from(v).ok());
            }
        }
        Role::PagamentoTipoValor => set_text(&mut pagamento.tipo_valor, c.text()),
        Role::PagamentoValorMaximo => set_opt(problems, &mut pagamento.valor_maximo, c.decimal()),
        Role::PagamentoPercentualMaximo => {
            set_opt(problems, &mut pagamento.percentual_maximo, c.decimal())
        }
        Role::PagamentoValorMinimo => set_opt(problems, &mut pagamento.valor_minimo, c.decimal()),
        Role::PagamentoPercentualMinimo => {
            set_opt(problems, &mut pagamento.percentual_minimo, c.decimal())
        }
        _ => {}
    });
    // Zeros in the tipo de pagamento's numeric fields are "not informed" (what the writer writes for None).
    pagamento.quantidade = pagamento.quantidade.filter(|q| *q != 0);
    for v in [
        &mut pagamento.valor_maximo,
        &mut pagamento.percentual_maximo,
        &mut pagamento.valor_minimo,
        &mut pagamento.percentual_minimo,
    ] {
        *v = v.filter(|d| !d.is_zero());
    }
    if !pagamento.is_empty() {
        pix.pagamento = Some(pagamento);
    }
    if !pix.is_empty() {
        t.pix = Some(pix);
    }
    // Inscrição numbers: zero-fill removed; an all-zero number means "not informed".
    for p in [&mut t.pagador.inscricao, &mut sacador.inscricao] {
        unpad_inscricao(&mut p.numero, p.tipo);
    }
    if sacador.nome.is_empty() && sacador.inscricao.numero.is_empty() {
        t.sacador_avalista = None;
    } else {
        t.sacador_avalista = Some(sacador);
    }
    // Trailing empty messages are dropped; the rest keep their slots.
    let last = msgs
        .iter()
        .rposition(|m| !m.is_empty())
        .map_or(0, |p| p + 1);
    t.mensagens = msgs.into_iter().take(last).collect();
    if let Some(hook) = spec.titulo_hook {
        hook(&mut t, records);
    }
    t
}
