//! [`LinkLedger`] for the three ledgers: segunda via tokens (table `segunda_via_links`) and views (events of kind
//! `visualizado`).

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::{now, MemoryLedger, PostgresLedger, SqliteLedger};
use crate::error::LedgerError;
use crate::outcome::TitleState;
use crate::segunda_via::{new_token, Link, LinkLedger, Visualizacao};
use crate::titulo::Titulo;

fn view_date(em: &str) -> Result<NaiveDate, LedgerError> {
    em.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or_else(|| LedgerError::Corrupt(format!("visualizado: bad time {em:?}")))
}

fn timestamp(s: &str) -> Result<NaiveDateTime, LedgerError> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
        .map_err(|_| LedgerError::Corrupt(format!("segunda_via_links: bad time {s:?}")))
}

impl LinkLedger for MemoryLedger {
    fn link(&mut self, id: &str) -> Result<Link, LedgerError> {
        if self.book.index_of(id).is_none() {
            return Err(LedgerError::UnknownTitle(id.to_string()));
        }
        if let Some(l) = self
            .links
            .iter()
            .find(|l| l.titulo == id && l.revogado_em.is_none())
        {
            return Ok(l.clone());
        }
        let l = Link {
            token: new_token()?,
            titulo: id.to_string(),
            criado_em: now(),
            revogado_em: None,
        };
        self.links.push(l.clone());
        Ok(l)
    }

    fn revoke(&mut self, id: &str) -> Result<usize, LedgerError> {
        if self.book.index_of(id).is_none() {
            return Err(LedgerError::UnknownTitle(id.to_string()));
        }
        let at = now();
        let mut n = 0;
        for l in self
            .links
            .iter_mut()
            .filter(|l| l.titulo == id && l.revogado_em.is_none())
        {
            l.revogado_em = Some(at);
            n += 1;
        }
        Ok(n)
    }

    fn by_token(&mut self, token: &str) -> Result<Option<(Titulo, TitleState)>, LedgerError> {
        let Some(id) = self
            .links
            .iter()
            .find(|l| l.token == token && l.revogado_em.is_none())
            .map(|l| l.titulo.clone())
        else {
            return Ok(None);
        };
        let Some(r) = self.book.index_of(&id) else {
            return Ok(None);
        };
        let t = crate::engine::Book::title(&mut self.book, r)?
            .as_ref()
            .clone();
        let s = crate::engine::Book::state(&mut self.book, r)?;
        Ok(Some((t, s)))
    }

    fn record_views(&mut self, views: &[Visualizacao]) -> Result<(), LedgerError> {
        for v in views {
            if let Some(r) = self.book.index_of(&v.titulo) {
                self.book.push_event(r, v.event());
            }
        }
        Ok(())
    }

    fn first_views(&mut self) -> Result<BTreeMap<String, NaiveDate>, LedgerError> {
        let ids: Vec<String> = self.book.titles().map(|(t, _)| t.id.clone()).collect();
        let mut out = BTreeMap::new();
        for id in ids {
            let first = self.book.history(&id).and_then(|h| {
                h.iter()
                    .filter_map(|e| match e {
                        crate::Event::Visualizado { em, cliente, .. }
                            if crate::segunda_via::is_person(cliente) =>
                        {
                            Some(em.date())
                        }
                        _ => None,
                    })
                    .min()
            });
            if let Some(d) = first {
                out.insert(id, d);
            }
        }
        Ok(out)
    }
}

impl LinkLedger for SqliteLedger {
    fn link(&mut self, id: &str) -> Result<Link, LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists: Option<i64> = tx
            .query_row("SELECT seq FROM titles WHERE id = ?1", params![id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(LedgerError::UnknownTitle(id.to_string()));
        }
        let live: Option<(String, String)> = tx
            .query_row(
                "SELECT token, created_at FROM segunda_via_links \
                 WHERE title_id = ?1 AND revoked_at IS NULL ORDER BY created_at LIMIT 1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let l = match live {
            Some((token, at)) => Link {
                token,
                titulo: id.to_string(),
                criado_em: timestamp(&at)?,
                revogado_em: None,
            },
            None => {
                let l = Link {
                    token: new_token()?,
                    titulo: id.to_string(),
                    criado_em: now(),
                    revogado_em: None,
                };
                tx.execute(
                    "INSERT INTO segunda_via_links (token, title_id, created_at) VALUES (?1, ?2, ?3)",
                    params![l.token, id, l.criado_em.to_string()],
                )?;
                l
            }
        };
        tx.commit()?;
        Ok(l)
    }

    fn revoke(&mut self, id: &str) -> Result<usize, LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists: Option<i64> = tx
            .query_row("SELECT seq FROM titles WHERE id = ?1", params![id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(LedgerError::UnknownTitle(id.to_string()));
        }
        let n = tx.execute(
            "UPDATE segunda_via_links SET revoked_at = ?2 WHERE title_id = ?1 AND revoked_at IS NULL",
            params![id, now().to_string()],
        )?;
        tx.commit()?;
        Ok(n)
    }

    fn by_token(&mut self, token: &str) -> Result<Option<(Titulo, TitleState)>, LedgerError> {
        self.title_by_token(token)
    }

    fn record_views(&mut self, views: &[Visualizacao]) -> Result<(), LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO events (title_id, kind, file_id, data) \
                 SELECT ?1, 'visualizado', NULL, ?2 WHERE EXISTS (SELECT 1 FROM titles WHERE id = ?1)",
            )?;
            for v in views {
                ins.execute(params![v.titulo, serde_json::to_string(&v.event())?])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn first_views(&mut self) -> Result<BTreeMap<String, NaiveDate>, LedgerError> {
        let mut st = self.conn.prepare(
            "SELECT title_id, MIN(json_extract(data, '$.em')) FROM events \
             WHERE kind = 'visualizado' AND json_extract(data, '$.cliente') NOT LIKE 'programa%' \
             GROUP BY title_id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (id, em) = row?;
            out.insert(id, view_date(&em)?);
        }
        Ok(out)
    }
}

fn pg_unknown(client: &mut postgres::Transaction<'_>, id: &str) -> Result<bool, LedgerError> {
    Ok(client
        .query_opt("SELECT seq FROM titles WHERE id = $1", &[&id])?
        .is_none())
}

impl LinkLedger for PostgresLedger {
    fn link(&mut self, id: &str) -> Result<Link, LedgerError> {
        let mut tx = self.client.transaction()?;
        if pg_unknown(&mut tx, id)? {
            return Err(LedgerError::UnknownTitle(id.to_string()));
        }
        // one live token per título even when two callers ask at once
        tx.execute(
            "SELECT pg_advisory_xact_lock(hashtext('segunda_via_links:' || $1))",
            &[&id],
        )?;
        let live = tx.query_opt(
            "SELECT token, created_at FROM segunda_via_links \
             WHERE title_id = $1 AND revoked_at IS NULL ORDER BY created_at LIMIT 1",
            &[&id],
        )?;
        let l = match live {
            Some(row) => Link {
                token: row.try_get(0)?,
                titulo: id.to_string(),
                criado_em: row.try_get(1)?,
                revogado_em: None,
            },
            None => {
                let l = Link {
                    token: new_token()?,
                    titulo: id.to_string(),
                    criado_em: now(),
                    revogado_em: None,
                };
                tx.execute(
                    "INSERT INTO segunda_via_links (token, title_id, created_at) VALUES ($1, $2, $3)",
                    &[&l.token, &id, &l.criado_em],
                )?;
                l
            }
        };
        tx.commit()?;
        Ok(l)
    }

    fn revoke(&mut self, id: &str) -> Result<usize, LedgerError> {
        let mut tx = self.client.transaction()?;
        if pg_unknown(&mut tx, id)? {
            return Err(LedgerError::UnknownTitle(id.to_string()));
        }
        let n = tx.execute(
            "UPDATE segunda_via_links SET revoked_at = $2 WHERE title_id = $1 AND revoked_at IS NULL",
            &[&id, &now()],
        )?;
        tx.commit()?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    fn by_token(&mut self, token: &str) -> Result<Option<(Titulo, TitleState)>, LedgerError> {
        self.title_by_token(token)
    }

    fn record_views(&mut self, views: &[Visualizacao]) -> Result<(), LedgerError> {
        let mut tx = self.client.transaction()?;
        let st = tx.prepare(
            "INSERT INTO events (title_id, kind, file_id, data) \
             SELECT $1, 'visualizado', NULL, $2 WHERE EXISTS (SELECT 1 FROM titles WHERE id = $1)",
        )?;
        for v in views {
            tx.execute(&st, &[&v.titulo, &postgres::types::Json(v.event())])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn first_views(&mut self) -> Result<BTreeMap<String, NaiveDate>, LedgerError> {
        let mut out = BTreeMap::new();
        for row in self.client.query(
            "SELECT title_id, MIN(data->>'em') FROM events \
             WHERE kind = 'visualizado' AND data->>'cliente' NOT LIKE 'programa%' GROUP BY title_id",
            &[],
        )? {
            let id: String = row.try_get(0)?;
            let em: String = row.try_get(1)?;
            out.insert(id, view_date(&em)?);
        }
        Ok(out)
    }
}
