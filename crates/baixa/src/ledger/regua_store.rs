//! [`ReguaLedger`] for the memory and SQLite ledgers: the steps of the régua already issued.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, TransactionBehavior};

use super::{now, MemoryLedger, SqliteLedger};
use crate::error::LedgerError;
use crate::outcome::Event;
use crate::regua::{Acao, Issued, Registro, ReguaLedger};

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
            }
            out.push(new);
        }
        Ok(out)
    }
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
            let acao: Acao = serde_json::from_value(serde_json::Value::String(acao.clone()))
                .map_err(|_| {
                    LedgerError::Corrupt(format!("regua_actions: unknown acao {acao:?}"))
                })?;
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
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
}
