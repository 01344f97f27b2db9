//! Writing: the model to bytes, through the same layout tables, generic over roles.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::bank::{Bank, Emit, LayoutSpec, RecordKey};
use crate::error::{Error, ErrorKind, Result};
use crate::field::{FieldSpec, Kind, RecordLayout, Role};
use crate::model::{FileKind, Header, Layout, Pessoa, Remessa, Retorno, RetornoEntry, Titulo};
use crate::record::LineEnding;
use crate::text::pad_alpha;

/// A value to write.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Out {
    Text(String),
    Num(Decimal),
    Date(Option<NaiveDate>),
}

fn txt(s: &str) -> Option<Out> {
    if s.is_empty() {
        None
    } else {
        Some(Out::Text(s.to_string()))
    }
}
fn num(d: Option<Decimal>) -> Option<Out> {
    d.map(Out::Num)
}
fn date(d: Option<NaiveDate>) -> Option<Out> {
    d.map(|d| Out::Date(Some(d)))
}
fn int<T: Into<u64>>(v: Option<T>) -> Option<Out> {
    v.map(|v| Out::Num(Decimal::from(v.into())))
}

/// Identifiers must never be cut: a nosso número or document that does not fit is an error, not a truncation.
fn must_fit(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(
            Role::NossoNumero
                | Role::NossoNumeroDv
                | Role::SeuNumero
                | Role::UsoEmpresa
                | Role::Agencia
                | Role::Conta
                | Role::Convenio
                | Role::CodigoBeneficiario
                | Role::Carteira
                | Role::PagadorInscricao
                | Role::SacadorInscricao
                | Role::EmpresaInscricao
                | Role::PagadorCep
                | Role::PixTipoChave
                | Role::PixChave
                | Role::PixUrl
                | Role::PixTxid
                | Role::PixEmv
        )
    )
}

/// Pix identifiers are case-sensitive (txid, chave aleatória and e-mail keys, the EMV with its CRC): written as
/// given, never upper-cased; anything but printable ASCII is refused.
fn case_kept(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(Role::PixChave | Role::PixUrl | Role::PixTxid | Role::PixEmv)
    )
}

/// CPF/CNPJ roles.
pub(crate) fn is_inscricao(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(Role::EmpresaInscricao | Role::PagadorInscricao | Role::SacadorInscricao)
    )
}

/// Encodes one field.
pub(crate) fn encode(
    spec: &FieldSpec,
    value: Option<&Out>,
    out: &mut Vec<u8>,
) -> Result<(), ErrorKind> {
    let w = spec.len();
    match spec.kind {
        Kind::Const(c) => out.extend_from_slice(c.as_bytes()),
        Kind::Blank => out.extend(std::iter::repeat_n(b' ', w)),
        Kind::Num { scale } => {
            let digits: String = match value {
                Some(Out::Num(d)) => {
                    let mut d = d.round_dp(u32::from(scale));
                    if d.is_sign_negative() && !d.is_zero() {
                        return Err(ErrorKind::Invalid(format!(
                            "negative value {d} in {}",
                            spec.name
                        )));
                    }
                    d.rescale(u32::from(scale));
                    d.mantissa().unsigned_abs().to_string()
                }
                Some(Out::Text(s)) => s
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_uppercase())
                    .collect(),
                Some(Out::Date(_)) | None => spec.default.unwrap_or("").to_string(),
            };
            if digits.len() > w {
                return Err(ErrorKind::Overflow {
                    value: digits,
                    width: w,
                });
            }
            out.extend(std::iter::repeat_n(b'0', w - digits.len()));
            out.extend_from_slice(digits.as_bytes());
        }
        Kind::Alpha if is_inscricao(spec.role) => {
            // CPF/CNPJ: right-aligned and zero-filled as every manual prints them (numeric CNPJ or the
            // alphanumeric one in force since July 2026); none given: zeros (or the table's default).
            let s: String = match value {
                Some(Out::Text(s)) => s
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_uppercase())
                    .collect(),
                _ => spec.default.unwrap_or("").to_string(),
            };
            if s.len() > w {
                return Err(ErrorKind::Overflow { value: s, width: w });
            }
            out.extend(std::iter::repeat_n(b'0', w - s.len()));
            out.extend_from_slice(s.as_bytes());
        }
        Kind::Alpha => {
            let s = match value {
                Some(Out::Text(s)) => s.clone(),
                Some(Out::Num(d)) => d.to_string(),
                Some(Out::Date(Some(d))) => d.format("%d%m%Y").to_string(),
                Some(Out::Date(None)) | None => spec.default.unwrap_or("").to_string(),
            };
            if case_kept(spec.role) && !s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
                return Err(ErrorKind::Invalid(format!(
                    "{}: only printable ASCII can be written, found {s:?}",
                    spec.name
                )));
            }
            let bytes = if case_kept(spec.role) {
                let mut v = s.as_bytes().to_vec();
                v.resize(w.max(v.len()), b' ');
                v.truncate(w);
                v
            } else {
                pad_alpha(&s, w)
            };
            if must_fit(spec.role) && crate::text::to_bank_ascii(s.trim_end()).len() > w {
                return Err(ErrorKind::Overflow { value: s, width: w });
            }
            out.extend_from_slice(&bytes);
        }
        Kind::Date(fmt) => {
            let d = match value {
                Some(Out::Date(d)) => *d,
                _ => None,
            };
            if let Some(d) = d {
                // Years the format cannot hold would make a longer line (`+10000`) or read back in another century.
                let years = match fmt {
                    crate::field::DateFmt::DdMmYyyy | crate::field::DateFmt::YyyyMmDd => 1..=9999,
                    crate::field::DateFmt::DdMmYy => 1970..=2069,
                };
                if !years.contains(&chrono::Datelike::year(&d)) {
                    return Err(ErrorKind::Overflow {
                        value: d.to_string(),
                        width: w,
                    });
                }
            }
            match (d, fmt) {
                (Some(d), crate::field::DateFmt::DdMmYyyy) => {
                    out.extend_from_slice(d.format("%d%m%Y").to_string().as_bytes())
                }
                (Some(d), crate::field::DateFmt::DdMmYy) => {
                    out.extend_from_slice(d.format("%d%m%y").to_string().as_bytes())
                }
                (Some(d), crate::field::DateFmt::YyyyMmDd) => {
                    out.extend_from_slice(d.format("%Y%m%d").to_string().as_bytes())
                }
                (None, _) => match spec.default {
                    Some(def) if def.len() == w => out.extend_from_slice(def.as_bytes()),
                    _ => out.extend(std::iter::repeat_n(b'0', w)),
                },
            }
        }
    }
    Ok(())
}

/// Writes one record from a role source.
pub(crate) fn write_record(
    layout: &'static RecordLayout,
    line: usize,
    src: &dyn Fn(Role, &FieldSpec) -> Option<Out>,
) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(layout.len);
    for spec in layout.fields {
        let v = spec.role.and_then(|r| src(r, spec));
        encode(spec, v.as_ref(), &mut out)
            .map_err(|k| Error::at_field(line, layout.name, spec, k))?;
    }
    Ok(out)
}

/// Control values: numbering and counts, filled by the writer.
#[derive(Debug, Clone, Copy, Default)]
struct Control {
    bank: u16,
    lote: u64,
    sequencial: u64,
    qtd_registros: u64,
    qtd_lotes: u64,
    qtd_titulos: u64,
    valor_total: Decimal,
    kind_code: u8,
}

fn control(c: &Control, role: Role, layout: Layout) -> Option<Out> {
    Some(match role {
        Role::BancoCodigo => Out::Num(Decimal::from(c.bank)),
        Role::Lote => Out::Num(Decimal::from(c.lote)),
        Role::Sequencial => Out::Num(Decimal::from(c.sequencial)),
        Role::QtdRegistros => Out::Num(Decimal::from(c.qtd_registros)),
        Role::QtdLotes => Out::Num(Decimal::from(c.qtd_lotes)),
        Role::QtdTitulos => Out::Num(Decimal::from(c.qtd_titulos)),
        Role::ValorTotal => Out::Num(c.valor_total),
        Role::ArquivoCodigo => Out::Num(Decimal::from(c.kind_code)),
        Role::Operacao => Out::Text(if c.kind_code == 1 { "R" } else { "T" }.into()),
        _ => {
            let _ = layout;
            return None;
        }
    })
}

fn header_value(h: &Header, bank: Bank, role: Role) -> Option<Out> {
    let b = &h.beneficiario;
    match role {
        Role::EmpresaNome => txt(&b.nome),
        Role::EmpresaTipoInscricao => {
            int(b.inscricao.tipo.or_else(|| infer_tipo(&b.inscricao.numero)))
        }
        Role::EmpresaInscricao => txt(&b.inscricao.numero),
        Role::Agencia => txt(&b.agencia),
        Role::AgenciaDv => txt(&b.agencia_dv),
        Role::Conta => txt(&b.conta),
        Role::ContaDv => txt(&b.conta_dv),
        Role::Convenio => txt(&b.convenio),
        Role::CodigoBeneficiario => txt(&b.codigo_beneficiario),
        Role::Carteira => txt(&b.carteira),
        Role::Variacao => txt(&b.variacao),
        Role::BancoNome => txt(if h.banco_nome.is_empty() {
            bank.name()
        } else {
            &h.banco_nome
        }),
        Role::Nsa => int(h.nsa),
        Role::DataGeracao => date(h.data_geracao),
        Role::DataCredito => date(h.data_credito),
        Role::LayoutVersao => txt(&h.layout_versao),
        _ => None,
    }
}

fn infer_tipo(numero: &str) -> Option<u8> {
    match numero.chars().filter(char::is_ascii_alphanumeric).count() {
        0 => None,
        11 => Some(1),
        _ => Some(2),
    }
}

fn pessoa_value(p: &Pessoa, role: Role) -> Option<Out> {
    match role {
        Role::PagadorTipoInscricao | Role::SacadorTipoInscricao => {
            int(p.inscricao.tipo.or_else(|| infer_tipo(&p.inscricao.numero)))
        }
        Role::PagadorInscricao | Role::SacadorInscricao => txt(&p.inscricao.numero),
        Role::PagadorNome | Role::SacadorNome => txt(&p.nome),
        Role::PagadorEndereco => txt(&p.endereco),
        Role::PagadorBairro => txt(&p.bairro),
        Role::PagadorCep => txt(&p.cep),
        Role::PagadorCidade => txt(&p.cidade),
        Role::PagadorUf => txt(&p.uf),
        _ => None,
    }
}

fn titulo_value(t: &Titulo, role: Role) -> Option<Out> {
    let msg = |i: usize| t.mensagens.get(i).and_then(|m| txt(m));
    match role {
        Role::Movimento => txt(if t.movimento.is_empty() {
            "01"
        } else {
            &t.movimento
        }),
        Role::NossoNumero => txt(&t.nosso_numero),
        Role::NossoNumeroDv => t.nosso_numero_dv.as_deref().and_then(txt),
        Role::SeuNumero => txt(&t.seu_numero),
        Role::UsoEmpresa => txt(&t.uso_empresa),
        Role::Carteira => txt(&t.carteira),
        Role::Variacao | Role::Modalidade => txt(&t.variacao),
        Role::Especie => txt(&t.especie),
        Role::Aceite => txt(&t.aceite),
        Role::Emissao => date(t.emissao),
        Role::Vencimento => date(t.vencimento),
        Role::ValorTitulo => Some(Out::Num(t.valor)),
        Role::JurosCodigo => txt(&t.juros.codigo),
        Role::JurosData => date(t.juros.data),
        Role::JurosValor => num(t.juros.valor),
        Role::MultaCodigo => txt(&t.multa.codigo),
        Role::MultaData => date(t.multa.data),
        Role::MultaValor => num(t.multa.valor),
        Role::DescontoCodigo => txt(&t.desconto.codigo),
        Role::DescontoData => date(t.desconto.data),
        Role::DescontoValor => num(t.desconto.valor),
        Role::Abatimento => num(t.abatimento),
        Role::Iof => num(t.iof),
        Role::ProtestoCodigo => txt(&t.protesto.codigo),
        Role::ProtestoPrazo => int(t.protesto.prazo),
        Role::BaixaCodigo => txt(&t.baixa.codigo),
        Role::BaixaPrazo => int(t.baixa.prazo),
        Role::Mensagem1 => msg(0),
        Role::Mensagem2 => msg(1),
        Role::Mensagem3 => msg(2),
        Role::Mensagem4 => msg(3),
        Role::SacadorTipoInscricao | Role::SacadorInscricao | Role::SacadorNome => t
            .sacador_avalista
            .as_ref()
            .and_then(|p| pessoa_value(p, role)),
        _ => pessoa_value(&t.pagador, role),
    }
}

fn entry_value(e: &RetornoEntry, spec: &LayoutSpec, role: Role) -> Option<Out> {
    match role {
        Role::NossoNumero => txt(&e.nosso_numero),
        Role::NossoNumeroDv => e.nosso_numero_dv.as_deref().and_then(txt),
        Role::SeuNumero => txt(&e.seu_numero),
        Role::UsoEmpresa => txt(&e.uso_empresa),
        Role::Carteira => txt(&e.carteira),
        Role::Variacao | Role::Modalidade => txt(&e.variacao),
        Role::Ocorrencia => e.ocorrencia.as_ref().and_then(|o| txt(&o.code)),
        Role::Motivos => {
            let s: String = e
                .motivos
                .iter()
                .map(|m| format!("{:0>2}", m.code))
                .collect();
            let _ = spec;
            txt(&s)
        }
        Role::DataOcorrencia => date(e.data_ocorrencia),
        Role::DataCredito => date(e.data_credito),
        Role::Vencimento => date(e.vencimento),
        Role::ValorTitulo => num(e.valor_titulo),
        Role::ValorPago => num(e.valor_pago),
        Role::ValorCreditado => num(e.valor_creditado),
        Role::JurosMulta => num(e.juros_multa),
        // A model that gives only the combined juros_multa writes it as juros (nothing is dropped).
        Role::Juros => num(e.juros.or(if e.multa.is_none() {
            e.juros_multa
        } else {
            None
        })),
        Role::Multa => num(e.multa),
        Role::PixTipoChave => e.pix.as_ref().and_then(|p| txt(&p.tipo_chave)),
        Role::PixChave => e.pix.as_ref().and_then(|p| txt(&p.chave)),
        Role::PixUrl => e.pix.as_ref().and_then(|p| txt(&p.url)),
        Role::PixTxid => e.pix.as_ref().and_then(|p| txt(&p.txid)),
        Role::PixEmv => e.pix.as_ref().and_then(|p| txt(&p.emv)),
        Role::Desconto => num(e.desconto),
        Role::Abatimento => num(e.abatimento),
        Role::Iof => num(e.iof),
        Role::Tarifa => num(e.tarifa),
        Role::OutrasDespesas => num(e.outras_despesas),
        Role::OutrosCreditos => num(e.outros_creditos),
        Role::BancoCobrador => txt(&e.banco_cobrador),
        Role::AgenciaCobradora => txt(&e.agencia_cobradora),
        _ => e.pagador.as_ref().and_then(|p| pessoa_value(p, role)),
    }
}

/// Options for writing.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Line ending; default: what the bank's manual demands (CRLF for every bank we support).
    pub line_ending: Option<LineEnding>,
    /// Skip CPF/CNPJ validation (for test files with made-up documents).
    pub skip_document_check: bool,
}

fn spec_for(
    bank: Bank,
    layout: Layout,
    kind: FileKind,
    version: &str,
) -> Result<&'static LayoutSpec> {
    bank.spec()
        .and_then(|s| s.layout(layout, kind, version))
        .ok_or_else(|| {
            Error::new(ErrorKind::UnknownBank {
                code: bank.to_string(),
                layout: layout.number(),
                hint: format!(" for a {kind}"),
            })
        })
}

fn has_any(
    spec: &LayoutSpec,
    key: RecordKey,
    roles: &[Role],
    value: &dyn Fn(Role) -> Option<Out>,
) -> bool {
    let _ = (spec, key);
    roles.iter().any(|r| match value(*r) {
        None => false,
        Some(Out::Num(d)) => !d.is_zero(),
        Some(_) => true,
    })
}

struct Writer<'a> {
    spec: &'static LayoutSpec,
    header: &'a Header,
    bank: Bank,
    ctl: Control,
    lines: Vec<Vec<u8>>,
}

impl Writer<'_> {
    fn push(&mut self, key: RecordKey, item: &dyn Fn(Role) -> Option<Out>) -> Result<Vec<u8>> {
        let layout = self.spec.record(key).ok_or_else(|| {
            Error::new(ErrorKind::Invalid(format!(
                "layout {} has no {key}",
                self.spec.source
            )))
        })?;
        let line_no = self.lines.len() + 1;
        let ctl = self.ctl;
        let (header, bank, lay) = (self.header, self.bank, self.spec.layout);
        let line = write_record(layout, line_no, &|role, spec| {
            if role == Role::BancoNome && header.banco_nome.is_empty() && spec.default.is_some() {
                return None; // the table's literal (e.g. "BANCO ITAU SA") wins over our display name
            }
            control(&ctl, role, lay)
                .or_else(|| item(role))
                .or_else(|| header_value(header, bank, role))
        })?;
        Ok(line)
    }

    fn emit(&mut self, line: Vec<u8>) {
        self.lines.push(line);
    }

    fn finish(self, opts: WriteOptions) -> Vec<u8> {
        let ending = opts.line_ending.unwrap_or(if self.spec.crlf {
            LineEnding::CrLf
        } else {
            LineEnding::Lf
        });
        let mut out = Vec::with_capacity(self.lines.iter().map(|l| l.len() + 2).sum());
        for l in &self.lines {
            out.extend_from_slice(l);
            out.extend_from_slice(ending.as_bytes());
        }
        out
    }
}

/// Writes a file of `kind` with one entry per item; `item_value` gives each item's role values.
#[allow(clippy::too_many_arguments)] // internal: one call for remessas, one for retornos
fn write_file<T>(
    spec: &'static LayoutSpec,
    bank: Bank,
    header: &Header,
    items: &[T],
    item_value: &dyn Fn(&T, Role) -> Option<Out>,
    valor: &dyn Fn(&T) -> Decimal,
    hook: &dyn Fn(&mut Vec<u8>, RecordKey, &T),
    opts: WriteOptions,
) -> Result<Vec<u8>> {
    let kind_code = match spec.kind {
        FileKind::Remessa => 1,
        FileKind::Retorno => 2,
    };
    let mut w = Writer {
        spec,
        header,
        bank,
        ctl: Control {
            bank: bank.code(),
            kind_code,
            ..Control::default()
        },
        lines: Vec::new(),
    };
    let none = |_: Role| None;
    let is_240 = spec.layout == Layout::Cnab240;
    w.ctl.sequencial = 1;
    let l = w.push(RecordKey::FileHeader, &none)?;
    w.emit(l);
    if is_240 {
        w.ctl.lote = 1;
        let l = w.push(RecordKey::BatchHeader, &none)?;
        w.emit(l);
    }
    let mut seq_in_batch = 0u64;
    for item in items {
        let value = |r: Role| item_value(item, r);
        for er in spec.entry {
            let write = match er.emit {
                Emit::Always => true,
                Emit::Never => false,
                Emit::IfAny(roles) => has_any(spec, er.key, roles, &value),
            };
            if !write {
                continue;
            }
            seq_in_batch += 1;
            w.ctl.sequencial = if is_240 {
                seq_in_batch
            } else {
                w.lines.len() as u64 + 1
            };
            let mut l = w.push(er.key, &value)?;
            hook(&mut l, er.key, item);
            w.emit(l);
        }
    }
    w.ctl.qtd_titulos = items.len() as u64;
    w.ctl.valor_total = items.iter().map(valor).sum();
    if is_240 {
        w.ctl.qtd_registros = seq_in_batch + 2;
        let l = w.push(RecordKey::BatchTrailer, &none)?;
        w.emit(l);
        w.ctl.lote = 9999;
        w.ctl.qtd_lotes = 1;
        w.ctl.qtd_registros = w.lines.len() as u64 + 1;
    } else {
        w.ctl.sequencial = w.lines.len() as u64 + 1;
        w.ctl.qtd_registros = w.lines.len() as u64 + 1;
    }
    let l = w.push(RecordKey::FileTrailer, &none)?;
    w.emit(l);
    Ok(w.finish(opts))
}

fn check_documents(remessa: &Remessa) -> Result<()> {
    let b = &remessa.header.beneficiario.inscricao;
    if !b.numero.is_empty() && !crate::doc::valid_inscricao(b.tipo, &b.numero) {
        return Err(Error::new(ErrorKind::Invalid(format!(
            "beneficiário: CPF/CNPJ {:?} has a wrong check digit",
            b.numero
        ))));
    }
    for (i, t) in remessa.titulos.iter().enumerate() {
        let p = &t.pagador.inscricao;
        if !p.numero.is_empty() && !crate::doc::valid_inscricao(p.tipo, &p.numero) {
            return Err(Error::new(ErrorKind::Invalid(format!(
                "título {} (seu número {:?}): pagador CPF/CNPJ {:?} has a wrong check digit",
                i + 1,
                t.seu_numero,
                p.numero
            ))));
        }
    }
    Ok(())
}

/// Where the layout carries the nosso número check digit in a field of its own and a title does not give it, the
/// DV is computed by the `boleto` crate from the beneficiário's data (agência, conta, carteira, convênio, código do
/// beneficiário) — the same arithmetic that builds the barcode, so remessa and boleto agree.
fn fill_nosso_numero_dv(
    remessa: &Remessa,
    bank: Bank,
    spec: &LayoutSpec,
) -> Result<Option<Remessa>> {
    let has_dv_field = spec
        .entry
        .iter()
        .filter(|e| e.emit != Emit::Never)
        .filter_map(|e| spec.record(e.key))
        .any(|l| l.by_role(Role::NossoNumeroDv).is_some());
    if !has_dv_field
        || remessa
            .titulos
            .iter()
            .all(|t| t.nosso_numero_dv.is_some() || t.nosso_numero.is_empty())
    {
        return Ok(None);
    }
    let b = &remessa.header.beneficiario;
    let opt = |s: &str| {
        if s.is_empty() {
            None
        } else {
            Some(s.to_string())
        }
    };
    let mut out = remessa.clone();
    for (i, t) in out.titulos.iter_mut().enumerate() {
        if t.nosso_numero_dv.is_some() || t.nosso_numero.is_empty() {
            continue;
        }
        let mut input = boleto::BoletoInput::new(bank.code(), t.nosso_numero.clone(), t.valor);
        input.agencia = opt(&b.agencia);
        input.agencia_dv = opt(&b.agencia_dv);
        input.conta = opt(&b.conta);
        input.conta_dv = opt(&b.conta_dv);
        input.carteira = opt(&t.carteira).or_else(|| opt(&b.carteira));
        input.convenio = opt(&b.convenio);
        input.codigo_beneficiario = opt(&b.codigo_beneficiario);
        input.modalidade = opt(&t.variacao).or_else(|| opt(&b.variacao));
        input.vencimento = t.vencimento;
        match boleto::nosso_numero_dv(&input) {
            Ok(dv) => t.nosso_numero_dv = dv,
            Err(e) => {
                return Err(Error::new(ErrorKind::Invalid(format!(
                    "título {} (nosso número {:?}): cannot compute the nosso número check digit ({e}); give nosso_numero_dv",
                    i + 1,
                    t.nosso_numero
                ))))
            }
        }
    }
    Ok(Some(out))
}

/// Writes a remessa for a bank and layout: numbering, batch and file trailer counts, the bank's line ending,
/// upper-case ASCII with accents transliterated. CPFs and CNPJs (numeric and alphanumeric) are validated.
///
/// ```
/// use cnab_core::{write_remessa, read_remessa, Bank, Layout, Remessa, ReadOptions};
/// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/341-itau/cnab240/remessa/remessa.model.json")).unwrap();
/// let remessa: Remessa = serde_json::from_str(&json).unwrap();
/// let bytes = write_remessa(&remessa, Bank::new(341), Layout::Cnab240).unwrap();
/// let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
/// assert_eq!(back.titulos.len(), remessa.titulos.len());
/// ```
pub fn write_remessa(remessa: &Remessa, bank: Bank, layout: Layout) -> Result<Vec<u8>> {
    write_remessa_with(remessa, bank, layout, WriteOptions::default())
}

/// [`write_remessa`] with options.
pub fn write_remessa_with(
    remessa: &Remessa,
    bank: Bank,
    layout: Layout,
    opts: WriteOptions,
) -> Result<Vec<u8>> {
    let spec = spec_for(
        bank,
        layout,
        FileKind::Remessa,
        &remessa.header.layout_versao,
    )?;
    write_remessa_spec(remessa, bank, spec, opts)
}

/// Writes a remessa with a given layout spec (e.g. FEBRABAN's generic one, or a layout of your own).
pub fn write_remessa_spec(
    remessa: &Remessa,
    bank: Bank,
    spec: &'static LayoutSpec,
    opts: WriteOptions,
) -> Result<Vec<u8>> {
    if spec.kind != FileKind::Remessa {
        return Err(Error::new(ErrorKind::Invalid(
            "write_remessa_spec needs a remessa layout spec".into(),
        )));
    }
    if !opts.skip_document_check {
        check_documents(remessa)?;
    }
    let filled = fill_nosso_numero_dv(remessa, bank, spec)?;
    let remessa = filled.as_ref().unwrap_or(remessa);
    let hook = |line: &mut Vec<u8>, key: RecordKey, t: &Titulo| {
        if let Some(h) = spec.write_hook {
            h(line, key, t);
        }
    };
    write_file(
        spec,
        bank,
        &remessa.header,
        &remessa.titulos,
        &|t, r| titulo_value(t, r),
        &|t| t.valor,
        &hook,
        opts,
    )
}

/// Writes a remessa to any `Write` sink.
pub fn write_remessa_to<W: std::io::Write>(
    remessa: &Remessa,
    bank: Bank,
    layout: Layout,
    mut sink: W,
) -> Result<()> {
    let bytes = write_remessa(remessa, bank, layout)?;
    sink.write_all(&bytes)
        .map_err(|e| Error::new(ErrorKind::Io(e.to_string())))
}

/// Writes a retorno from the model (for test files and simulations: banks write retornos, companies read them).
pub fn write_retorno(retorno: &Retorno, opts: WriteOptions) -> Result<Vec<u8>> {
    let spec = spec_for(
        retorno.bank,
        retorno.layout,
        FileKind::Retorno,
        &retorno.header.layout_versao,
    )?;
    write_retorno_spec(retorno, spec, opts)
}

/// Writes a retorno with a given layout spec (e.g. FEBRABAN's generic one, or a layout of your own).
pub fn write_retorno_spec(
    retorno: &Retorno,
    spec: &'static LayoutSpec,
    opts: WriteOptions,
) -> Result<Vec<u8>> {
    if spec.kind != FileKind::Retorno {
        return Err(Error::new(ErrorKind::Invalid(
            "write_retorno_spec needs a retorno layout spec".into(),
        )));
    }
    write_file(
        spec,
        retorno.bank,
        &retorno.header,
        &retorno.entries,
        &|e, r| entry_value(e, spec, r),
        &|e| e.valor_titulo.unwrap_or_default(),
        &|_, _, _| {},
        opts,
    )
}
