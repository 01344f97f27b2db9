//! [`ReguaLedger`] for the memory, SQLite and PostgreSQL ledgers: the steps of the régua already issued, and the
//! acordos.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::postgres::{import_in as pg_import, retrying};
use super::sqlite::import_in as sqlite_import;
use super::{now, MemoryLedger, PostgresLedger, SqliteLedger};
use crate::acordo::{self, Acordo, Quebra};
use crate::engine::Book;
use crate::error::LedgerError;
use crate::instrucao::{Estado, Instrucao, InstrucaoEnviada, Resposta};
use crate::outcome::Event;
use crate::outcome::{Status, TitleState};
use crate::regua::{Acao, Issued, Registro, ReguaLedger};
use crate::titulo::Titulo;
use crate::Ledger;

fn acao_of(name: String) -> Result<Acao, LedgerError> {
    serde_json::from_value(serde_json::Value::String(name.clone()))
        .map_err(|_| LedgerError::Corrupt(format!("regua_actions: unknown acao {name:?}")))
}

fn event(date: NaiveDate, r: &Registro<'_>) -> Event {
    Event::Regua {
        data: date,
        acao: r.key.acao,
        etapa_dias: r.key.etapa_dias,
        canal: r.canal.to_string(),
        saldo: r.acao.saldo,
    }
}

impl ReguaLedger for MemoryLedger {
    fn regua_first_views(
        &mut self,
    ) -> Result<std::collections::BTreeMap<String, NaiveDate>, LedgerError> {
        crate::segunda_via::LinkLedger::first_views(self)
    }

    fn regua_issued(&mut self) -> Result<BTreeSet<Issued>, LedgerError> {
        Ok(self.regua.clone())
    }

    fn regua_record(
        &mut self,
        date: NaiveDate,
        items: &[Registro<'_>],
    ) -> Result<Vec<bool>, LedgerError> {
        // check every title first: all or nothing
        let mut refs = Vec::with_capacity(items.len());
        for r in items {
            refs.push(
                self.book
                    .index_of(&r.key.titulo)
                    .ok_or_else(|| LedgerError::UnknownTitle(r.key.titulo.clone()))?,
            );
        }
        let mut out = Vec::with_capacity(items.len());
        for (r, t) in items.iter().zip(refs) {
            let new = self.regua.insert(r.key.clone());
            if new {
                self.book.push_event(t, event(date, r));
                if let (Some(i), true) = (&r.acao.instrucao, r.key.acao.rastreada()) {
                    let mut s = sent(&r.key, date, i.clone(), None);
                    s.novo_vencimento = r.acao.novo_vencimento;
                    s.abatimento = r.acao.abatimento;
                    s.novo_valor = r.acao.novo_valor;
                    self.instrucoes.push(s);
                }
            }
            out.push(new);
        }
        Ok(out)
    }

    fn acordo_record(&mut self, a: &Acordo, parcelas: &[Titulo]) -> Result<(), LedgerError> {
        let titles = self.titles()?;
        if self.acordos.iter().any(|x| x.id == a.id) {
            return Err(exists(a));
        }
        acordo::check(a, &titles, parcelas)?;
        self.import_titles(parcelas)?;
        for o in &a.originais {
            let r = self
                .book
                .index_of(&o.titulo)
                .ok_or_else(|| LedgerError::UnknownTitle(o.titulo.clone()))?;
            let s = self.book.state(r)?;
            self.book.set_state(r, &renegotiated(s))?;
        }
        for (id, ev) in acordo::events(a) {
            if let Some(r) = self.book.index_of(&id) {
                self.book.push_event(r, ev);
            }
        }
        self.acordos.push(a.clone());
        Ok(())
    }

    fn acordos(&mut self) -> Result<Vec<Acordo>, LedgerError> {
        Ok(self.acordos.clone())
    }

    fn regua_record_quebras(
        &mut self,
        date: NaiveDate,
        quebras: &[Quebra],
        items: &[Registro<'_>],
    ) -> Result<Vec<bool>, LedgerError> {
        // check everything first: all or nothing
        for r in items {
            if self.book.index_of(&r.key.titulo).is_none() {
                return Err(LedgerError::UnknownTitle(r.key.titulo.clone()));
            }
        }
        for q in quebras {
            match self.acordos.iter().find(|a| a.id == q.acordo) {
                None => return Err(acordo::quebra_stale(q, "no such acordo")),
                Some(a) if a.quebra.is_some() => {
                    return Err(acordo::quebra_stale(q, "already broken"))
                }
                Some(_) => {}
            }
            for (id, want) in quebra_states(q) {
                let r = self
                    .book
                    .index_of(id)
                    .ok_or_else(|| LedgerError::UnknownTitle(id.to_string()))?;
                let st = self.book.state(r)?.status;
                if st != want {
                    return Err(acordo::quebra_stale(
                        q,
                        &format!("title {id} is {}, not {}", st.name(), want.name()),
                    ));
                }
            }
        }
        for q in quebras {
            let mut titles = self.titles()?;
            acordo::aplicar_quebra(&mut titles, q);
            for (id, _) in quebra_states(q) {
                if let (Some(r), Some((_, s))) = (
                    self.book.index_of(id),
                    titles.iter().find(|(t, _)| t.id == id),
                ) {
                    self.book.set_state(r, s)?;
                }
            }
            for (id, ev) in acordo::quebra_events(q) {
                if let Some(r) = self.book.index_of(&id) {
                    self.book.push_event(r, ev);
                }
            }
            if let Some(a) = self.acordos.iter_mut().find(|a| a.id == q.acordo) {
                a.quebra = Some(q.clone());
            }
        }
        self.regua_record(date, items)
    }

    fn instrucoes(&mut self) -> Result<Vec<InstrucaoEnviada>, LedgerError> {
        let mut out = self.instrucoes.clone();
        out.sort_by(|a, b| {
            (a.enviada_em, &a.titulo, a.etapa_dias, a.acao.name()).cmp(&(
                b.enviada_em,
                &b.titulo,
                b.etapa_dias,
                b.acao.name(),
            ))
        });
        Ok(out)
    }

    fn instrucoes_responder(
        &mut self,
        answers: &[(InstrucaoEnviada, Resposta)],
    ) -> Result<Vec<bool>, LedgerError> {
        // check every título and instruction first: all or nothing
        let mut at = Vec::with_capacity(answers.len());
        for (i, _) in answers {
            let t = self
                .book
                .index_of(&i.titulo)
                .ok_or_else(|| LedgerError::UnknownTitle(i.titulo.clone()))?;
            let k = self
                .instrucoes
                .iter()
                .position(|x| x.key() == i.key())
                .ok_or_else(|| not_sent(i))?;
            at.push((t, k));
        }
        let mut out = Vec::with_capacity(answers.len());
        for ((i, r), (t, k)) in answers.iter().zip(at) {
            let new = self.instrucoes.get(k).is_some_and(|x| x.resposta.is_none());
            if let (true, Some(x)) = (new, self.instrucoes.get_mut(k)) {
                x.estado = r.estado;
                x.resposta = Some(r.clone());
                self.book.push_event(t, i.event(r));
            }
            out.push(new);
        }
        Ok(out)
    }
}

fn sent(key: &Issued, date: NaiveDate, i: Instrucao, r: Option<Resposta>) -> InstrucaoEnviada {
    InstrucaoEnviada {
        titulo: key.titulo.clone(),
        acao: key.acao,
        etapa_dias: key.etapa_dias,
        enviada_em: date,
        instrucao: i,
        estado: r.as_ref().map_or(Estado::Pendente, |r| r.estado),
        resposta: r,
        novo_vencimento: None,
        abatimento: None,
        novo_valor: None,
    }
}

/// What a recorded action asked the bank for: (`novo_vencimento`, `abatimento`, `novo_valor`), from its JSON.
type Pedido = (
    Option<NaiveDate>,
    Option<rust_decimal::Decimal>,
    Option<rust_decimal::Decimal>,
);

/// The values a recorded action asked the bank for (its `novo_vencimento`, `abatimento`, `novo_valor`), from its
/// JSON.
fn pedido_of(data: &serde_json::Value) -> Result<Pedido, LedgerError> {
    let text = |k: &str| data.get(k).and_then(serde_json::Value::as_str);
    let venc = text("novo_vencimento")
        .map(|s| {
            s.parse()
                .map_err(|_| LedgerError::Corrupt(format!("regua_actions: novo_vencimento {s:?}")))
        })
        .transpose()?;
    let amount = |k: &str| {
        text(k)
            .map(|s| {
                s.parse()
                    .map_err(|_| LedgerError::Corrupt(format!("regua_actions: {k} {s:?}")))
            })
            .transpose()
    };
    Ok((venc, amount("abatimento")?, amount("novo_valor")?))
}

fn not_sent(i: &InstrucaoEnviada) -> LedgerError {
    LedgerError::Invalid(format!(
        "título {}: no {} instruction (etapa {}) was sent",
        i.titulo,
        i.acao.name(),
        i.etapa_dias
    ))
}

/// The acoes whose instructions are tracked, as SQL (`'protesto', …`).
fn via_banco_sql() -> String {
    [
        Acao::Protesto,
        Acao::Baixa,
        Acao::Prorrogacao,
        Acao::Abatimento,
        Acao::AlteracaoValor,
    ]
    .iter()
    .filter(|a| a.rastreada())
    .map(|a| format!("'{}'", a.name()))
    .collect::<Vec<_>>()
    .join(", ")
}

fn exists(a: &Acordo) -> LedgerError {
    LedgerError::Invalid(format!("acordo {} already recorded", a.id))
}

fn renegotiated(s: TitleState) -> TitleState {
    TitleState {
        status: Status::Renegotiated,
        ..s
    }
}

fn not_open(a: &Acordo, id: &str, status: &str) -> LedgerError {
    LedgerError::Invalid(format!("acordo {}: title {id} is {status}, not open", a.id))
}

fn parcela_exists(a: &Acordo, id: &str) -> LedgerError {
    LedgerError::Invalid(format!("acordo {}: title {id} already exists", a.id))
}

/// The titles a break changes, each with the status the break found: the installments written off (open) and
/// the originals (renegotiated).
fn quebra_states(q: &Quebra) -> Vec<(&str, Status)> {
    q.parcelas
        .iter()
        .filter(|p| p.baixada)
        .map(|p| (p.titulo.as_str(), Status::Open))
        .chain(
            q.originais
                .iter()
                .map(|o| (o.titulo.as_str(), Status::Renegotiated)),
        )
        .collect()
}

/// A break's new status and `paid` for each title it changes (`paid` only for the originals).
fn quebra_updates(q: &Quebra) -> Vec<(&str, Status, Option<rust_decimal::Decimal>)> {
    q.parcelas
        .iter()
        .filter(|p| p.baixada)
        .map(|p| (p.titulo.as_str(), Status::Renegotiated, None))
        .chain(
            q.originais
                .iter()
                .map(|o| (o.titulo.as_str(), Status::Open, Some(o.pago))),
        )
        .collect()
}

fn papeis(a: &Acordo) -> Vec<(&str, &'static str)> {
    a.originais
        .iter()
        .map(|o| (o.titulo.as_str(), "original"))
        .chain(a.parcelas.iter().map(|p| (p.titulo.as_str(), "parcela")))
        .collect()
}

impl ReguaLedger for SqliteLedger {
    fn regua_first_views(
        &mut self,
    ) -> Result<std::collections::BTreeMap<String, NaiveDate>, LedgerError> {
        crate::segunda_via::LinkLedger::first_views(self)
    }

    fn regua_issued(&mut self) -> Result<BTreeSet<Issued>, LedgerError> {
        let mut st = self
            .conn
            .prepare("SELECT title_id, etapa_dias, acao FROM regua_actions")?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = BTreeSet::new();
        for row in rows {
            let (titulo, etapa_dias, acao) = row?;
            let acao = acao_of(acao)?;
            out.insert(Issued {
                titulo,
                etapa_dias,
                acao,
            });
        }
        Ok(out)
    }

    fn regua_record(
        &mut self,
        date: NaiveDate,
        items: &[Registro<'_>],
    ) -> Result<Vec<bool>, LedgerError> {
        self.regua_record_quebras(date, &[], items)
    }

    fn regua_record_quebras(
        &mut self,
        date: NaiveDate,
        quebras: &[Quebra],
        items: &[Registro<'_>],
    ) -> Result<Vec<bool>, LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for q in quebras {
            sqlite_quebra(&tx, q)?;
        }
        let mut out = Vec::with_capacity(items.len());
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO regua_actions (title_id, etapa_dias, acao, issued_on, canal, recorded_at, data) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
            )?;
            let mut ev = tx.prepare_cached(
                "INSERT INTO events (title_id, kind, file_id, data) VALUES (?1, 'regua', NULL, ?2)",
            )?;
            let at = now().to_string();
            for r in items {
                let n = ins.execute(params![
                    r.key.titulo,
                    r.key.etapa_dias,
                    r.key.acao.name(),
                    date.to_string(),
                    r.canal,
                    at,
                    serde_json::to_string(r.acao)?
                ])?;
                if n == 1 {
                    ev.execute(params![
                        r.key.titulo,
                        serde_json::to_string(&event(date, r))?
                    ])?;
                }
                out.push(n == 1);
            }
        }
        tx.commit()?;
        Ok(out)
    }

    fn acordo_record(&mut self, a: &Acordo, parcelas: &[Titulo]) -> Result<(), LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "INSERT INTO acordos (id, data, valor_negociado, recorded_at, acordo) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (id) DO NOTHING",
            params![
                a.id,
                a.data.to_string(),
                a.valor_negociado.to_string(),
                now().to_string(),
                serde_json::to_string(a)?
            ],
        )?;
        if n == 0 {
            return Err(exists(a));
        }
        for o in &a.originais {
            let st: Option<String> = tx
                .query_row(
                    "SELECT s.status FROM titles t JOIN title_state s ON s.title_seq = t.seq WHERE t.id = ?1",
                    params![o.titulo],
                    |r| r.get(0),
                )
                .optional()?;
            match st.as_deref() {
                None => return Err(LedgerError::UnknownTitle(o.titulo.clone())),
                Some("open") => {}
                Some(other) => return Err(not_open(a, &o.titulo, other)),
            }
        }
        for p in parcelas {
            let seen: Option<i64> = tx
                .query_row("SELECT seq FROM titles WHERE id = ?1", params![p.id], |r| {
                    r.get(0)
                })
                .optional()?;
            if seen.is_some() {
                return Err(parcela_exists(a, &p.id));
            }
        }
        sqlite_import(&tx, parcelas)?;
        for o in &a.originais {
            tx.execute(
                "UPDATE title_state SET status = 'renegotiated' \
                 WHERE title_seq = (SELECT seq FROM titles WHERE id = ?1)",
                params![o.titulo],
            )?;
        }
        for (id, papel) in papeis(a) {
            tx.execute(
                "INSERT INTO acordo_titulos (acordo_id, title_id, papel) VALUES (?1, ?2, ?3)",
                params![a.id, id, papel],
            )?;
        }
        for (id, ev) in acordo::events(a) {
            tx.execute(
                "INSERT INTO events (title_id, kind, file_id, data) VALUES (?1, 'acordo', NULL, ?2)",
                params![id, serde_json::to_string(&ev)?],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn acordos(&mut self) -> Result<Vec<Acordo>, LedgerError> {
        let mut st = self
            .conn
            .prepare("SELECT acordo FROM acordos ORDER BY rowid")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?)?);
        }
        Ok(out)
    }

    fn instrucoes(&mut self) -> Result<Vec<InstrucaoEnviada>, LedgerError> {
        let mut st = self.conn.prepare(&format!(
            "SELECT a.title_id, a.etapa_dias, a.acao, a.issued_on, a.data, r.resposta FROM regua_actions a \
             LEFT JOIN instrucao_respostas r \
               ON r.title_id = a.title_id AND r.etapa_dias = a.etapa_dias AND r.acao = a.acao \
             WHERE a.acao IN ({}) ORDER BY a.issued_on, a.title_id, a.etapa_dias, a.acao",
            via_banco_sql()
        ))?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (titulo, etapa_dias, acao, issued_on, data, resposta) = row?;
            let data: serde_json::Value = serde_json::from_str(&data)?;
            let (novo_vencimento, abatimento, novo_valor) = pedido_of(&data)?;
            let Some(i) = instrucao_of(data)? else {
                continue;
            };
            let key = Issued {
                titulo,
                etapa_dias,
                acao: acao_of(acao)?,
            };
            let date = issued_on.parse().map_err(|_| {
                LedgerError::Corrupt(format!("regua_actions: issued_on {issued_on:?}"))
            })?;
            let r = resposta.map(|r| serde_json::from_str(&r)).transpose()?;
            let mut s = sent(&key, date, i, r);
            s.novo_vencimento = novo_vencimento;
            s.abatimento = abatimento;
            s.novo_valor = novo_valor;
            out.push(s);
        }
        Ok(out)
    }

    fn instrucoes_responder(
        &mut self,
        answers: &[(InstrucaoEnviada, Resposta)],
    ) -> Result<Vec<bool>, LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(answers.len());
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO instrucao_respostas (title_id, etapa_dias, acao, estado, file_id, line, recorded_at, \
                 resposta) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
            )?;
            let mut ev = tx.prepare_cached(
                "INSERT INTO events (title_id, kind, file_id, data) VALUES (?1, 'instrucao', ?2, ?3)",
            )?;
            let at = now().to_string();
            for (i, r) in answers {
                let n = ins.execute(params![
                    i.titulo,
                    i.etapa_dias,
                    i.acao.name(),
                    r.estado.name(),
                    r.file_id,
                    i64::try_from(r.line).unwrap_or(i64::MAX),
                    at,
                    serde_json::to_string(r)?
                ])?;
                if n == 1 {
                    ev.execute(params![
                        i.titulo,
                        r.file_id,
                        serde_json::to_string(&i.event(r))?
                    ])?;
                }
                out.push(n == 1);
            }
        }
        tx.commit()?;
        Ok(out)
    }
}

/// A break recorded in an SQLite transaction: the acordo's JSON gets its `quebra` (refused when it has one), each
/// title's status (and an original's `paid`) changes only from the status the break found, and each gets its
/// history event.
fn sqlite_quebra(tx: &rusqlite::Transaction<'_>, q: &Quebra) -> Result<(), LedgerError> {
    let json: Option<String> = tx
        .query_row(
            "SELECT acordo FROM acordos WHERE id = ?1",
            params![q.acordo],
            |r| r.get(0),
        )
        .optional()?;
    let mut a: Acordo = match json {
        None => return Err(acordo::quebra_stale(q, "no such acordo")),
        Some(j) => serde_json::from_str(&j)?,
    };
    if a.quebra.is_some() {
        return Err(acordo::quebra_stale(q, "already broken"));
    }
    a.quebra = Some(q.clone());
    tx.execute(
        "UPDATE acordos SET acordo = ?1 WHERE id = ?2",
        params![serde_json::to_string(&a)?, q.acordo],
    )?;
    let updates = quebra_updates(q);
    for ((id, from), (_, to, paid)) in quebra_states(q).into_iter().zip(&updates) {
        let n = tx.execute(
            "UPDATE title_state SET status = ?1, paid = COALESCE(?2, paid) \
             WHERE title_seq = (SELECT seq FROM titles WHERE id = ?3) AND status = ?4",
            params![to.name(), paid.map(|p| p.to_string()), id, from.name()],
        )?;
        if n != 1 {
            return Err(acordo::quebra_stale(
                q,
                &format!("title {id} is no longer {}", from.name()),
            ));
        }
    }
    for (id, ev) in acordo::quebra_events(q) {
        tx.execute(
            "INSERT INTO events (title_id, kind, file_id, data) VALUES (?1, 'acordo', NULL, ?2)",
            params![id, serde_json::to_string(&ev)?],
        )?;
    }
    Ok(())
}

/// The `instrucao` of a recorded action's JSON (none for a step recorded without an instruction remessa).
fn instrucao_of(mut data: serde_json::Value) -> Result<Option<Instrucao>, LedgerError> {
    match data.get_mut("instrucao").map(serde_json::Value::take) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => Ok(Some(serde_json::from_value(v)?)),
    }
}

/// The same table as SQLite (schema version 2), in one serializable transaction per run's recording: two runs
/// recording the same step at the same moment insert it once (`ON CONFLICT DO NOTHING`; the loser of a
/// serialization conflict is run again and then sees the step as recorded).
impl ReguaLedger for PostgresLedger {
    fn regua_first_views(
        &mut self,
    ) -> Result<std::collections::BTreeMap<String, NaiveDate>, LedgerError> {
        crate::segunda_via::LinkLedger::first_views(self)
    }

    fn regua_issued(&mut self) -> Result<BTreeSet<Issued>, LedgerError> {
        let mut out = BTreeSet::new();
        for row in self
            .client
            .query("SELECT title_id, etapa_dias, acao FROM regua_actions", &[])?
        {
            out.insert(Issued {
                titulo: row.try_get(0)?,
                etapa_dias: row.try_get(1)?,
                acao: acao_of(row.try_get(2)?)?,
            });
        }
        Ok(out)
    }

    fn regua_record(
        &mut self,
        date: NaiveDate,
        items: &[Registro<'_>],
    ) -> Result<Vec<bool>, LedgerError> {
        self.regua_record_quebras(date, &[], items)
    }

    fn regua_record_quebras(
        &mut self,
        date: NaiveDate,
        quebras: &[Quebra],
        items: &[Registro<'_>],
    ) -> Result<Vec<bool>, LedgerError> {
        let at = now().to_string();
        let day = date.to_string();
        retrying(&mut self.client, |tx| {
            for q in quebras {
                pg_quebra(tx, q)?;
            }
            let ins = tx.prepare(
                "INSERT INTO regua_actions (title_id, etapa_dias, acao, issued_on, canal, recorded_at, data) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
            )?;
            let ev = tx.prepare(
                "INSERT INTO events (title_id, kind, file_id, data) VALUES ($1, 'regua', NULL, $2)",
            )?;
            let mut out = Vec::with_capacity(items.len());
            for r in items {
                let n = tx.execute(
                    &ins,
                    &[
                        &r.key.titulo,
                        &r.key.etapa_dias,
                        &r.key.acao.name(),
                        &day,
                        &r.canal,
                        &at,
                        &postgres::types::Json(r.acao),
                    ],
                )?;
                if n == 1 {
                    tx.execute(
                        &ev,
                        &[&r.key.titulo, &postgres::types::Json(event(date, r))],
                    )?;
                }
                out.push(n == 1);
            }
            Ok(out)
        })
    }
    fn acordo_record(&mut self, a: &Acordo, parcelas: &[Titulo]) -> Result<(), LedgerError> {
        let st = &self.st;
        let at = now();
        retrying(&mut self.client, |tx| {
            let n = tx.execute(
                "INSERT INTO acordos (id, data, valor_negociado, recorded_at, acordo) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
                &[
                    &a.id,
                    &a.data,
                    &a.valor_negociado,
                    &at,
                    &postgres::types::Json(a),
                ],
            )?;
            if n == 0 {
                return Err(exists(a));
            }
            for o in &a.originais {
                let row = tx.query_opt(
                    "SELECT s.status FROM titles t JOIN title_state s ON s.title_seq = t.seq WHERE t.id = $1",
                    &[&o.titulo],
                )?;
                let status: Option<String> = row.map(|r| r.try_get(0)).transpose()?;
                match status.as_deref() {
                    None => return Err(LedgerError::UnknownTitle(o.titulo.clone())),
                    Some("open") => {}
                    Some(other) => return Err(not_open(a, &o.titulo, other)),
                }
            }
            for p in parcelas {
                if tx
                    .query_opt("SELECT seq FROM titles WHERE id = $1", &[&p.id])?
                    .is_some()
                {
                    return Err(parcela_exists(a, &p.id));
                }
            }
            pg_import(tx, st, parcelas)?;
            for o in &a.originais {
                tx.execute(
                    "UPDATE title_state SET status = 'renegotiated' \
                     WHERE title_seq = (SELECT seq FROM titles WHERE id = $1)",
                    &[&o.titulo],
                )?;
            }
            for (id, papel) in papeis(a) {
                tx.execute(
                    "INSERT INTO acordo_titulos (acordo_id, title_id, papel) VALUES ($1, $2, $3)",
                    &[&a.id, &id, &papel],
                )?;
            }
            for (id, ev) in acordo::events(a) {
                tx.execute(
                    "INSERT INTO events (title_id, kind, file_id, data) VALUES ($1, 'acordo', NULL, $2)",
                    &[&id, &postgres::types::Json(&ev)],
                )?;
            }
            Ok(())
        })
    }

    fn acordos(&mut self) -> Result<Vec<Acordo>, LedgerError> {
        let mut out = Vec::new();
        for row in self
            .client
            .query("SELECT acordo FROM acordos ORDER BY recorded_at, id", &[])?
        {
            let postgres::types::Json(a): postgres::types::Json<Acordo> = row.try_get(0)?;
            out.push(a);
        }
        Ok(out)
    }

    fn instrucoes(&mut self) -> Result<Vec<InstrucaoEnviada>, LedgerError> {
        let mut out = Vec::new();
        for row in self.client.query(
            &format!(
                "SELECT a.title_id, a.etapa_dias, a.acao, a.issued_on, a.data->'instrucao', r.resposta, \
                 a.data->'novo_vencimento', a.data->'abatimento', a.data->'novo_valor' \
                 FROM regua_actions a LEFT JOIN instrucao_respostas r \
                   ON r.title_id = a.title_id AND r.etapa_dias = a.etapa_dias AND r.acao = a.acao \
                 WHERE a.acao IN ({}) AND jsonb_typeof(a.data->'instrucao') = 'object' \
                 ORDER BY a.issued_on, a.title_id, a.etapa_dias, a.acao",
                via_banco_sql()
            ),
            &[],
        )? {
            let key = Issued {
                titulo: row.try_get(0)?,
                etapa_dias: row.try_get(1)?,
                acao: acao_of(row.try_get(2)?)?,
            };
            let issued_on: String = row.try_get(3)?;
            let date = issued_on.parse().map_err(|_| {
                LedgerError::Corrupt(format!("regua_actions: issued_on {issued_on:?}"))
            })?;
            let postgres::types::Json(i): postgres::types::Json<Instrucao> = row.try_get(4)?;
            let r: Option<postgres::types::Json<Resposta>> = row.try_get(5)?;
            let mut pedido = serde_json::Map::new();
            for (k, col) in [("novo_vencimento", 6), ("abatimento", 7), ("novo_valor", 8)] {
                let v: Option<postgres::types::Json<serde_json::Value>> = row.try_get(col)?;
                if let Some(v) = v {
                    pedido.insert(k.into(), v.0);
                }
            }
            let (novo_vencimento, abatimento, novo_valor) =
                pedido_of(&serde_json::Value::Object(pedido))?;
            let mut s = sent(&key, date, i, r.map(|r| r.0));
            s.novo_vencimento = novo_vencimento;
            s.abatimento = abatimento;
            s.novo_valor = novo_valor;
            out.push(s);
        }
        Ok(out)
    }

    fn instrucoes_responder(
        &mut self,
        answers: &[(InstrucaoEnviada, Resposta)],
    ) -> Result<Vec<bool>, LedgerError> {
        let at = now();
        retrying(&mut self.client, |tx| {
            let ins = tx.prepare(
                "INSERT INTO instrucao_respostas (title_id, etapa_dias, acao, estado, file_id, line, recorded_at, \
                 resposta) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
            )?;
            let ev = tx.prepare(
                "INSERT INTO events (title_id, kind, file_id, data) VALUES ($1, 'instrucao', $2, $3)",
            )?;
            let mut out = Vec::with_capacity(answers.len());
            for (i, r) in answers {
                let n = tx.execute(
                    &ins,
                    &[
                        &i.titulo,
                        &i.etapa_dias,
                        &i.acao.name(),
                        &r.estado.name(),
                        &r.file_id,
                        &i64::try_from(r.line).unwrap_or(i64::MAX),
                        &at,
                        &postgres::types::Json(r),
                    ],
                )?;
                if n == 1 {
                    tx.execute(
                        &ev,
                        &[&i.titulo, &r.file_id, &postgres::types::Json(i.event(r))],
                    )?;
                }
                out.push(n == 1);
            }
            Ok(out)
        })
    }
}

/// [`sqlite_quebra`] in a PostgreSQL transaction.
fn pg_quebra(tx: &mut postgres::Transaction<'_>, q: &Quebra) -> Result<(), LedgerError> {
    let row = tx.query_opt(
        "SELECT acordo FROM acordos WHERE id = $1 FOR UPDATE",
        &[&q.acordo],
    )?;
    let mut a: Acordo = match row {
        None => return Err(acordo::quebra_stale(q, "no such acordo")),
        Some(r) => r.try_get::<_, postgres::types::Json<Acordo>>(0)?.0,
    };
    if a.quebra.is_some() {
        return Err(acordo::quebra_stale(q, "already broken"));
    }
    a.quebra = Some(q.clone());
    tx.execute(
        "UPDATE acordos SET acordo = $1 WHERE id = $2",
        &[&postgres::types::Json(&a), &q.acordo],
    )?;
    let updates = quebra_updates(q);
    for ((id, from), (_, to, paid)) in quebra_states(q).into_iter().zip(&updates) {
        let n = tx.execute(
            "UPDATE title_state SET status = $1, paid = COALESCE($2, paid) \
             WHERE title_seq = (SELECT seq FROM titles WHERE id = $3) AND status = $4",
            &[&to.name(), paid, &id, &from.name()],
        )?;
        if n != 1 {
            return Err(acordo::quebra_stale(
                q,
                &format!("title {id} is no longer {}", from.name()),
            ));
        }
    }
    for (id, ev) in acordo::quebra_events(q) {
        tx.execute(
            "INSERT INTO events (title_id, kind, file_id, data) VALUES ($1, 'acordo', NULL, $2)",
            &[&id, &postgres::types::Json(&ev)],
        )?;
    }
    Ok(())
}
