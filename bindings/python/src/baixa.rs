//! The native half of `cnab.baixa`: a ledger (in memory, SQLite, PostgreSQL URL) and the amount due on a date.
//!
//! Everything crosses as JSON in the shapes `cnab baixa` prints (`baixa::render`); the Python layer turns them into
//! dataclasses with `Decimal` and `date` values. Errors are `NativeError` payloads with `"source": "baixa"` (a bad
//! titles row: `line` = row, `field` = column) or `"source": "cnab"` (a retorno or remessa that does not read).

use std::collections::BTreeMap;
use std::sync::Mutex;

use baixa::instrucao::{self, RemessaRegistrada};
use baixa::mensagem;
use baixa::regua::{self, Politica};
use baixa::{
    ImportError, LedgerError, LinkLedger, ManualSettlement, MemoryLedger, ReguaLedger, SqliteLedger,
};

/// What the Python ledger needs of a backend: the régua's steps and the segunda via links (every ledger has both).
pub(crate) trait PyLedger: ReguaLedger + LinkLedger {}
impl<T: ReguaLedger + LinkLedger + ?Sized> PyLedger for T {}
use chrono::NaiveDate;
use cnab_core::{CnabFile, ReadOptions};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::{cnab_err, to_json, NativeError};

fn baixa_err(kind: &str, message: String, line: usize, field: Option<&str>) -> PyErr {
    NativeError::new_err(
        json!({"source": "baixa", "message": message, "line": line, "columns": null, "field": field,
               "record": null, "kind": kind, "details": null})
        .to_string(),
    )
}

fn import_err(e: &ImportError) -> PyErr {
    match e {
        ImportError::Field { row, column, .. } => {
            baixa_err("field", e.to_string(), *row, Some(column))
        }
        ImportError::Header(_) => baixa_err("header", e.to_string(), 1, None),
        ImportError::Syntax { row, .. } => baixa_err("syntax", e.to_string(), *row, None),
        _ => baixa_err("invalid", e.to_string(), 0, None),
    }
}

fn ledger_err(e: &LedgerError) -> PyErr {
    let kind = match e {
        LedgerError::UnknownTitle(_) => "unknown_title",
        LedgerError::Invalid(_) => "invalid",
        LedgerError::SchemaTooNew { .. } => "schema_too_new",
        _ => "ledger",
    };
    baixa_err(kind, e.to_string(), 0, None)
}

fn usage(message: &str) -> PyErr {
    baixa_err("usage", message.to_string(), 0, None)
}

fn parse_date(s: &str, what: &str) -> PyResult<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .ok_or_else(|| usage(&format!("{what}: expected YYYY-MM-DD, found {s:?}")))
}

/// The PostgreSQL backend (`baixa::PostgresLedger`): a server shared by several workers.
fn postgres_ledger(url: &str) -> PyResult<Box<dyn PyLedger + Send>> {
    Ok(Box::new(
        baixa::PostgresLedger::connect(url).map_err(|e| ledger_err(&e))?,
    ))
}

/// A ledger: titles, their states and every applied entry. One call = one transaction.
#[pyclass(module = "cnab._cnab")]
pub(crate) struct BaixaLedger {
    inner: Mutex<Box<dyn PyLedger + Send>>,
}

impl BaixaLedger {
    fn with<T>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut dyn PyLedger) -> PyResult<T> + Send,
    ) -> PyResult<T>
    where
        T: Send,
    {
        py.detach(|| {
            let mut g = self
                .inner
                .lock()
                .map_err(|_| usage("the ledger was poisoned by an earlier failure"))?;
            f(g.as_mut())
        })
    }
}

fn read(data: &[u8], lenient: bool) -> PyResult<CnabFile> {
    cnab_core::read_with_envelope(
        data,
        ReadOptions {
            lenient,
            ..ReadOptions::default()
        },
    )
    .map(|(f, _)| f)
    .map_err(|e| cnab_err(&e))
}

#[pymethods]
impl BaixaLedger {
    /// `None`: in memory; a `postgres://` / `postgresql://` URL; else an SQLite file (created if missing).
    #[new]
    #[pyo3(signature = (path_or_url=None))]
    fn new(path_or_url: Option<&str>) -> PyResult<Self> {
        let inner: Box<dyn PyLedger + Send> = match path_or_url {
            None => Box::new(MemoryLedger::new()),
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => {
                postgres_ledger(u)?
            }
            Some("") => return Err(usage("a ledger needs a file or a URL")),
            Some(p) => Box::new(SqliteLedger::open(p).map_err(|e| ledger_err(&e))?),
        };
        Ok(BaixaLedger {
            inner: Mutex::new(inner),
        })
    }

    /// Titles from CSV or JSON bytes → `{added, updated, unchanged}`.
    fn import_titles(&self, py: Python<'_>, data: Vec<u8>) -> PyResult<String> {
        let s = self.with(py, |l| {
            let t = baixa::import(&data).map_err(|e| import_err(&e))?;
            l.import_titles(&t).map_err(|e| ledger_err(&e))
        })?;
        to_json(&s)
    }

    /// A remessa's títulos → `{added, updated, unchanged}`.
    fn import_remessa(&self, py: Python<'_>, data: Vec<u8>) -> PyResult<String> {
        let s = self.with(py, |l| {
            let r = match read(&data, false)? {
                CnabFile::Remessa(r) => r,
                CnabFile::Retorno(_) => return Err(usage("a retorno, not a remessa")),
            };
            let t = baixa::from_remessa(&r).map_err(|e| import_err(&e))?;
            l.import_titles(&t).map_err(|e| ledger_err(&e))
        })?;
        to_json(&s)
    }

    /// Apply a retorno → the per-file object of `cnab baixa apply` (`baixa::render::apply_file`).
    #[pyo3(signature = (data, name, lenient=false))]
    fn apply(&self, py: Python<'_>, data: Vec<u8>, name: &str, lenient: bool) -> PyResult<String> {
        let v = self.with(py, |l| {
            let r = match read(&data, lenient)? {
                CnabFile::Retorno(r) => r,
                CnabFile::Remessa(_) => return Err(usage("a remessa, not a retorno")),
            };
            let res = l.apply(&r).map_err(|e| ledger_err(&e))?;
            let mut v = baixa::render::apply_file(name, &res, &r.problems);
            // the bank's answers to the régua's instructions, as `cnab baixa apply` records them: the file is
            // applied; a failure here is reported and applying the same file again records them
            let c = instrucao::conciliar(l, &r).map_err(|e| {
                baixa_err(
                    "ledger",
                    format!(
                        "{name}: applied, but its answers to the bank instructions were not recorded: {e} \
                         (apply the file again to record them)"
                    ),
                    0,
                    None,
                )
            })?;
            if let Value::Object(m) = &mut v {
                m.insert("instrucoes".into(), json!(c.instrucoes));
                if !c.ambiguas.is_empty() {
                    m.insert("instrucoes_ambiguas".into(), json!(c.ambiguas));
                }
                if !c.avisos.is_empty() {
                    m.insert("instrucoes_avisos".into(), json!(c.avisos));
                }
            }
            Ok(v)
        })?;
        to_json(&v)
    }

    /// Settle a title by hand → the entry row.
    #[pyo3(signature = (id, valor, data, meio, por="", motivo=""))]
    #[allow(clippy::too_many_arguments)]
    fn settle(
        &self,
        py: Python<'_>,
        id: &str,
        valor: &str,
        data: &str,
        meio: &str,
        por: &str,
        motivo: &str,
    ) -> PyResult<String> {
        let valor: Decimal = valor
            .parse()
            .map_err(|_| usage(&format!("valor: expected an amount, found {valor:?}")))?;
        let s = ManualSettlement {
            title_id: id.to_string(),
            valor,
            data: parse_date(data, "data")?,
            meio: meio.parse().map_err(|e: String| usage(&e))?,
            por: por.to_string(),
            em: None,
            motivo: motivo.to_string(),
        };
        let o = self.with(py, |l| l.settle(&s).map_err(|e| ledger_err(&e)))?;
        to_json(&baixa::render::entry_row(&o))
    }

    /// `{date, inadimplente_apos, files, portfolio, inadimplentes}` on `date` (YYYY-MM-DD).
    #[pyo3(signature = (date, inadimplente_apos=0))]
    fn report(&self, py: Python<'_>, date: &str, inadimplente_apos: i64) -> PyResult<String> {
        let date = parse_date(date, "date")?;
        let v = self.with(py, |l| {
            let files = l.files().map_err(|e| ledger_err(&e))?;
            let titles = l.titles().map_err(|e| ledger_err(&e))?;
            let p = baixa::portfolio(&titles, date);
            let d = baixa::in_default(&titles, date, inadimplente_apos);
            Ok(baixa::render::report(
                date,
                inadimplente_apos,
                &files,
                &p,
                &d,
            ))
        })?;
        to_json(&v)
    }

    /// The report as the CSV `cnab baixa report --format csv` prints.
    #[pyo3(signature = (date, inadimplente_apos=0))]
    fn report_csv(&self, py: Python<'_>, date: &str, inadimplente_apos: i64) -> PyResult<String> {
        let date = parse_date(date, "date")?;
        self.with(py, |l| {
            let files = l.files().map_err(|e| ledger_err(&e))?;
            let titles = l.titles().map_err(|e| ledger_err(&e))?;
            let p = baixa::portfolio(&titles, date);
            let d = baixa::in_default(&titles, date, inadimplente_apos);
            baixa::render::report_csv(&files, &p, &d).map_err(|e| usage(&e.to_string()))
        })
    }

    /// `{"events": [...]}`.
    fn history(&self, py: Python<'_>, id: &str) -> PyResult<String> {
        let v: Value = self.with(py, |l| {
            let ev = l.history(id).map_err(|e| ledger_err(&e))?;
            baixa::render::history(&ev).map_err(|e| usage(&e.to_string()))
        })?;
        to_json(&v)
    }

    /// The título's segunda via link (`/b/<token>`, or `base_url` + that), made on first use (as `cnab baixa link`).
    #[pyo3(signature = (id, base_url=None))]
    fn link(&self, py: Python<'_>, id: &str, base_url: Option<&str>) -> PyResult<String> {
        if let Some(b) = base_url {
            baixa::segunda_via::check_base_url(b).map_err(|e| usage(&e))?;
        }
        let token = self.with(py, |l| {
            l.link(id).map(|k| k.token).map_err(|e| ledger_err(&e))
        })?;
        Ok(baixa::segunda_via::url(base_url, &token))
    }

    /// Revoke the título's live segunda via links → how many were revoked (as `cnab baixa revoke`).
    fn revoke(&self, py: Python<'_>, id: &str) -> PyResult<usize> {
        self.with(py, |l| l.revoke(id).map_err(|e| ledger_err(&e)))
    }

    /// The amount due on `date` of the ledger's open titles → JSON array (as `cnab baixa due`).
    fn due(&self, py: Python<'_>, date: &str) -> PyResult<String> {
        let date = parse_date(date, "date")?;
        let v = self.with(py, |l| {
            Ok(l.titles()
                .map_err(|e| ledger_err(&e))?
                .iter()
                .filter(|(_, s)| s.status == baixa::Status::Open)
                .map(|(t, _)| baixa::render::due(&t.id, &baixa::valor_devido(t, date)))
                .collect::<Vec<_>>())
        })?;
        to_json(&v)
    }

    /// What the régua would issue on `date` under the policy (TOML text), recording nothing → `ReguaRun` JSON.
    /// With modelos (a directory the policy's `modelo` names are read from, or `{name: source}`), each action's
    /// `mensagem` is rendered (`cnab regua --plan --modelos DIR`).
    #[pyo3(signature = (politica, date, modelos_dir=None, modelos=None))]
    fn regua_plan(
        &self,
        py: Python<'_>,
        politica: &str,
        date: &str,
        modelos_dir: Option<&str>,
        modelos: Option<BTreeMap<String, String>>,
    ) -> PyResult<String> {
        let date = parse_date(date, "date")?;
        let p = politica_of(politica)?;
        let m = modelos_of(&p, modelos_dir, modelos)?;
        let r = self.with(py, |l| {
            let mut r = regua::plan(l, &p, date).map_err(|e| ledger_err(&e))?;
            if let Some(m) = &m {
                mensagem::preparar(&mut r.actions, m, date, &BTreeMap::new())
                    .map_err(|e| ledger_err(&e))?;
            }
            Ok(r)
        })?;
        to_json(&r)
    }

    /// Run the régua on `date`: the actions issued (recorded) → (`ReguaRun` JSON with `"remessas"`, the instruction
    /// remessas' bytes). `remessas`: the registering remessas' bytes; when given, the steps through the bank are
    /// checked before recording and written as instruction remessas (`baixa::instrucao`). With modelos, each
    /// action's `mensagem` is rendered before anything is recorded; with `segunda_via_url` each título's segunda
    /// via link (made when it has none) is among the modelos' variables (as `cnab regua`).
    #[pyo3(signature = (politica, date, remessas=None, nsa=None, modelos_dir=None, modelos=None, segunda_via_url=None))]
    #[allow(clippy::too_many_arguments)]
    fn regua_run<'py>(
        &self,
        py: Python<'py>,
        politica: &str,
        date: &str,
        remessas: Option<Vec<Vec<u8>>>,
        nsa: Option<u64>,
        modelos_dir: Option<&str>,
        modelos: Option<BTreeMap<String, String>>,
        segunda_via_url: Option<&str>,
    ) -> PyResult<(String, Vec<Bound<'py, PyBytes>>)> {
        let date = parse_date(date, "date")?;
        let p = politica_of(politica)?;
        let m = modelos_of(&p, modelos_dir, modelos)?;
        if segunda_via_url.is_some() && m.is_none() {
            return Err(usage("segunda_via_url needs modelos"));
        }
        if let Some(b) = segunda_via_url {
            baixa::segunda_via::check_base_url(b).map_err(|e| usage(&e))?;
        }
        let (run, written) = self.with(py, |l| {
            // each título's link is made before the run (a link for a step another run issues meanwhile is
            // harmless: the título keeps it)
            let mut links = BTreeMap::new();
            if let Some(base) = segunda_via_url {
                links =
                    mensagem::segunda_via_links(l, &p, date, base).map_err(|e| ledger_err(&e))?;
            }
            let render = |a: &mut [regua::AcaoEmitida]| match &m {
                Some(m) => mensagem::preparar(a, m, date, &links),
                None => Ok(()),
            };
            let Some(remessas) = remessas else {
                let r = regua::run_with(l, &p, date, render).map_err(|e| ledger_err(&e))?;
                return Ok((r, None));
            };
            let mut reg = Vec::new();
            for b in &remessas {
                reg.push(RemessaRegistrada::from_bytes(b).map_err(|e| cnab_err(&e))?);
            }
            // each row carries the valor nominal the bank holds now (as `cnab regua --remessa-out`)
            instrucao::nominais_vigentes(l, &mut reg).map_err(|e| ledger_err(&e))?;
            let r = regua::run_with(l, &p, date, |a| {
                render(a)?;
                instrucao::preparar(a, &reg)?;
                instrucao::remessas(a, &reg, date, nsa).map(|_| ())
            })
            .map_err(|e| ledger_err(&e))?;
            let w = instrucao::remessas(&r.actions, &reg, date, nsa).map_err(|e| ledger_err(&e))?;
            Ok((r, Some(w)))
        })?;
        let mut v = serde_json::to_value(&run).map_err(|e| usage(&e.to_string()))?;
        let mut bytes = Vec::new();
        if let (Some(w), Some(o)) = (written, v.as_object_mut()) {
            let list: Vec<Value> = w
                .iter()
                .map(|r| {
                    json!({
                        "banco": r.bank.code(),
                        "layout": format!("cnab{}", r.layout.number()),
                        "titulos": r.itens.iter().map(|(t, a, m)| json!({"titulo": t, "acao": a, "movimento": m})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            o.insert("remessas".into(), Value::Array(list));
            bytes = w.iter().map(|r| PyBytes::new(py, &r.bytes)).collect();
        }
        Ok((to_json(&v)?, bytes))
    }

    /// The bank instructions the régua sent and where each stands on `date` → the JSON of `cnab instrucoes`:
    /// `{date, dias, counts, instrucoes, sem_resposta}` (pending more than `dias` days after being sent).
    #[pyo3(signature = (date, dias=5))]
    fn instrucoes(&self, py: Python<'_>, date: &str, dias: i64) -> PyResult<String> {
        let date = parse_date(date, "date")?;
        if dias < 0 {
            return Err(usage(&format!("dias must be 0 or more, found {dias}")));
        }
        let all = self.with(py, |l| l.instrucoes().map_err(|e| ledger_err(&e)))?;
        let count = |e: instrucao::Estado| all.iter().filter(|i| i.estado == e).count();
        let late = instrucao::sem_resposta(&all, date, dias);
        to_json(&json!({
            "date": date,
            "dias": dias,
            "counts": {
                "pendente": count(instrucao::Estado::Pendente),
                "confirmada": count(instrucao::Estado::Confirmada),
                "rejeitada": count(instrucao::Estado::Rejeitada),
            },
            "instrucoes": all,
            "sem_resposta": late,
        }))
    }

    /// An acordo (`baixa::acordo::Termos` as JSON) → (the `Acordo` JSON, the remessas' bytes); recorded unless
    /// `proposta`. With `remessas` (the registering remessas' bytes) the acordo also goes to the bank as
    /// `cnab acordo --remessa-out` writes it: the installments as entradas (nosso números from `nosso_numero`,
    /// recorded too) and the originals' pedido de baixa, written before anything is recorded, listed under
    /// `"remessas"`.
    #[pyo3(signature = (termos, proposta=false, remessas=None, nosso_numero=None, nsa=None))]
    fn acordo<'py>(
        &self,
        py: Python<'py>,
        termos: &str,
        proposta: bool,
        remessas: Option<Vec<Vec<u8>>>,
        nosso_numero: Option<&str>,
        nsa: Option<u64>,
    ) -> PyResult<(String, Vec<Bound<'py, PyBytes>>)> {
        let t: baixa::acordo::Termos =
            serde_json::from_str(termos).map_err(|e| usage(&format!("acordo: {e}")))?;
        if proposta && remessas.is_some() {
            return Err(usage("a proposta records nothing and writes no remessa"));
        }
        if remessas.is_none() && (nosso_numero.is_some() || nsa.is_some()) {
            return Err(usage("nosso_numero and nsa need remessas"));
        }
        let (a, written) = self.with(py, |l| {
            let mut written = Vec::new();
            let a = if proposta {
                let titles = l.titles().map_err(|e| ledger_err(&e))?;
                baixa::acordo::propor(&titles, &t)
            } else if let Some(remessas) = &remessas {
                let mut reg = Vec::new();
                for b in remessas {
                    reg.push(RemessaRegistrada::from_bytes(b).map_err(|e| cnab_err(&e))?);
                }
                // written (in memory) before recording: a título that cannot be written records nothing; the
                // originals' pedidos de baixa are then recorded as pending instructions
                baixa::acordo::fechar_remessas(l, &t, &reg, nosso_numero, nsa).map(|(a, w)| {
                    written = w;
                    a
                })
            } else {
                baixa::acordo::fechar(l, &t)
            }
            .map_err(|e| ledger_err(&e))?;
            Ok((a, written))
        })?;
        let mut v = serde_json::to_value(&a).map_err(|e| usage(&e.to_string()))?;
        if let (true, Some(o)) = (remessas.is_some(), v.as_object_mut()) {
            let list: Vec<Value> = written
                .iter()
                .map(|w| {
                    json!({
                        "banco": w.bank.code(),
                        "layout": format!("cnab{}", w.layout.number()),
                        "titulos": w.itens,
                    })
                })
                .collect();
            o.insert("remessas".into(), Value::Array(list));
        }
        let bytes = written.iter().map(|w| PyBytes::new(py, &w.bytes)).collect();
        Ok((to_json(&v)?, bytes))
    }

    /// An overdue título's reissue to `vencimento` (`baixa::reemissao`, `cnab reemissao`) → (its JSON, the
    /// instruction remessa's bytes). With `registrar` its movimentos are recorded as pending instructions
    /// (`baixa::reemissao::registrar`, as `cnab reemissao --remessa-out`), listed under `"registradas"`; a reissue
    /// of the título already recorded on `date` is refused with nothing recorded. Without it nothing is recorded.
    #[pyo3(signature = (id, date, vencimento, remessas, nsa=None, registrar=false))]
    #[allow(clippy::too_many_arguments)]
    fn reemissao<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        date: &str,
        vencimento: &str,
        remessas: Vec<Vec<u8>>,
        nsa: Option<u64>,
        registrar: bool,
    ) -> PyResult<(String, Bound<'py, PyBytes>)> {
        let date = parse_date(date, "date")?;
        let vencimento = parse_date(vencimento, "vencimento")?;
        let (v, bytes) = self.with(py, |l| {
            let mut reg = Vec::new();
            for b in &remessas {
                reg.push(RemessaRegistrada::from_bytes(b).map_err(|e| cnab_err(&e))?);
            }
            // the rows carry the valor nominal the bank holds now (as `cnab reemissao`)
            instrucao::nominais_vigentes(l, &mut reg).map_err(|e| ledger_err(&e))?;
            let titles = l.titles().map_err(|e| ledger_err(&e))?;
            let (t, s) = titles
                .iter()
                .find(|(t, _)| t.id == id)
                .ok_or_else(|| ledger_err(&LedgerError::UnknownTitle(id.to_string())))?;
            let (r, bytes) = baixa::reemissao::reemitir(t, s, date, vencimento, &reg, nsa)
                .map_err(|e| ledger_err(&e))?;
            let mut v = serde_json::to_value(&r).map_err(|e| usage(&e.to_string()))?;
            if registrar {
                let keys =
                    baixa::reemissao::registrar(l, &r, t, s, date).map_err(|e| ledger_err(&e))?;
                if let Some(o) = v.as_object_mut() {
                    o.insert(
                        "registradas".into(),
                        json!(keys
                            .iter()
                            .map(|k| json!({"acao": k.acao, "etapa_dias": k.etapa_dias}))
                            .collect::<Vec<_>>()),
                    );
                }
            }
            Ok((v, bytes))
        })?;
        Ok((to_json(&v)?, PyBytes::new(py, &bytes)))
    }

    /// Every acordo recorded → JSON array.
    fn acordos(&self, py: Python<'_>) -> PyResult<String> {
        let a = self.with(py, |l| l.acordos().map_err(|e| ledger_err(&e)))?;
        to_json(&a)
    }
}

fn politica_of(text: &str) -> PyResult<Politica> {
    Politica::from_toml(text).map_err(|e| baixa_err("policy", e.to_string(), 0, None))
}

/// The modelos of a directory (the policy's `modelo` names) or of `{name: source}`; none when neither is given.
fn modelos_of(
    p: &Politica,
    dir: Option<&str>,
    sources: Option<BTreeMap<String, String>>,
) -> PyResult<Option<mensagem::Modelos>> {
    let m = match (dir, sources) {
        (Some(_), Some(_)) => return Err(usage("modelos: a directory or a mapping, not both")),
        (Some(d), None) => mensagem::Modelos::carregar(p, std::path::Path::new(d)),
        (None, Some(s)) => mensagem::Modelos::new(s),
        (None, None) => return Ok(None),
    };
    m.map(Some)
        .map_err(|e| baixa_err("modelo", e.to_string(), 0, None))
}

/// The amount due on `date` for every title of CSV/JSON bytes → JSON array (what `cnab baixa due` prints).
#[pyfunction]
fn baixa_due(py: Python<'_>, data: Vec<u8>, date: &str) -> PyResult<String> {
    let date = parse_date(date, "date")?;
    let v = py.detach(|| -> PyResult<Vec<Value>> {
        Ok(baixa::import(&data)
            .map_err(|e| import_err(&e))?
            .iter()
            .map(|t| baixa::render::due(&t.id, &baixa::valor_devido(t, date)))
            .collect())
    })?;
    to_json(&v)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<BaixaLedger>()?;
    m.add_function(wrap_pyfunction!(baixa_due, m)?)?;
    Ok(())
}
