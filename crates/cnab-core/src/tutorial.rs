//! # Tutorial: the main tasks, start to end
//!
//! Each section is a doc test that runs on data embedded in this crate ([`ITAU_240_RETORNO`],
//! [`ITAU_240_REMESSA`]: a small Itaú CNAB 240 retorno and remessa), so every example here compiles and passes as
//! written. In your program the bytes come from `std::fs::read(path)` or an upload.
//!
//! ## 1. Read a retorno and find who paid
//!
//! [`read_retorno`](crate::read_retorno) detects bank, layout and kind, checks every record (positions, check
//! digits, sequence numbers, trailer counts and totals) and returns the normalized model. Strict reading stops at
//! the first problem.
//!
//! ```
//! use cnab_core::{read_retorno, ReadOptions, OcorrenciaKind};
//! use cnab_core::tutorial::ITAU_240_RETORNO;
//! use rust_decimal::Decimal;
//!
//! let retorno = read_retorno(ITAU_240_RETORNO, ReadOptions::strict())?;
//! assert_eq!(retorno.bank.code(), 341);
//! assert_eq!(retorno.entries.len(), 2);
//!
//! let paid: Vec<_> = retorno
//!     .entries
//!     .iter()
//!     .filter(|e| e.ocorrencia.as_ref().is_some_and(|o| o.kind == OcorrenciaKind::Liquidacao))
//!     .collect();
//! assert_eq!(paid.len(), 1);
//! let e = paid[0];
//! assert_eq!(e.nosso_numero, "12345678");
//! assert_eq!(e.seu_numero, "NF-1001");
//! assert_eq!(e.valor_pago, Some(Decimal::new(12750, 2))); // R$ 127,50 paid
//! assert_eq!(e.tarifa, Some(Decimal::new(250, 2))); // R$ 2,50 bank fee
//! assert_eq!(e.valor_creditado, Some(Decimal::new(12500, 2))); // R$ 125,00 credited
//! assert_eq!(e.data_credito, chrono::NaiveDate::from_ymd_opt(2026, 12, 16));
//! # Ok::<(), cnab_core::Error>(())
//! ```
//!
//! ## 2. Read a damaged file: every problem named, nothing dropped silently
//!
//! A strict read returns the first problem as an [`Error`](crate::Error) with line, columns, field and a stable
//! code; a lenient read ([`ReadOptions::lenient`](crate::ReadOptions::lenient)) reads what it can and lists every
//! problem in `problems`. Here the paid amount of the first entry is damaged (a letter in a numeric field):
//!
//! ```
//! use cnab_core::{read_retorno, ReadOptions};
//! use cnab_core::tutorial::ITAU_240_RETORNO;
//!
//! let mut bytes = ITAU_240_RETORNO.to_vec();
//! // Line 4 is the first entry's segment U; columns 78-92 hold the valor pago.
//! let line4 = bytes.split(|b| *b == b'\n').take(3).map(|l| l.len() + 1).sum::<usize>();
//! bytes[line4 + 80] = b'X';
//!
//! let err = read_retorno(&bytes, ReadOptions::strict()).unwrap_err();
//! assert_eq!(err.line, 4);
//! assert_eq!(err.columns, Some((78, 92)));
//! assert_eq!(err.field, Some("valor_pago"));
//! assert_eq!(err.kind.code(), "not_digits");
//!
//! let lenient = read_retorno(&bytes, ReadOptions::lenient())?;
//! assert_eq!(lenient.problems.len(), 1);
//! assert_eq!(lenient.entries.len(), 2); // the entry is kept; the problem names its line and field
//! # Ok::<(), cnab_core::Error>(())
//! ```
//!
//! ## 3. Stream a big retorno in constant memory
//!
//! [`RetornoReader`](crate::RetornoReader) takes any `BufRead` (a file, a socket, stdin) and yields the same
//! entries as the whole-file read, one at a time.
//!
//! ```
//! use cnab_core::{ReadOptions, RetornoReader};
//! use cnab_core::tutorial::ITAU_240_RETORNO;
//! use rust_decimal::Decimal;
//!
//! // With a file: RetornoReader::new(std::io::BufReader::new(std::fs::File::open(path)?), …)
//! let reader = RetornoReader::new(ITAU_240_RETORNO, ReadOptions::strict())?;
//! assert_eq!(reader.detected().bank.code(), 341);
//! let mut total = Decimal::ZERO;
//! for entry in reader {
//!     let entry = entry?;
//!     total += entry.valor_pago.unwrap_or_default();
//! }
//! assert_eq!(total, Decimal::new(12750, 2));
//! # Ok::<(), cnab_core::Error>(())
//! ```
//!
//! ## 4. Build a remessa in code and write it
//!
//! The model is plain structs with `Default`: fill what your bank needs, then
//! [`write_remessa_with`](crate::write_remessa_with) writes it. Every value is written as given or refused with the
//! título and field; text that had to be cut to its field comes back as a warning.
//!
//! ```
//! use cnab_core::*;
//! use chrono::NaiveDate;
//! use rust_decimal::Decimal;
//!
//! let mut remessa = Remessa {
//!     bank: None,
//!     header: Header {
//!         beneficiario: Beneficiario {
//!             nome: "Padaria São João Ltda".into(),
//!             inscricao: Inscricao { tipo: Some(2), numero: "11222333000181".into() },
//!             agencia: "0057".into(),
//!             conta: "12345".into(),
//!             conta_dv: "7".into(),
//!             ..Default::default()
//!         },
//!         nsa: Some(16),
//!         data_geracao: NaiveDate::from_ymd_opt(2026, 11, 30),
//!         ..Default::default()
//!     },
//!     titulos: vec![],
//!     records: vec![],
//!     problems: vec![],
//! };
//! remessa.titulos.push(Titulo {
//!     movimento: "01".into(), // entrada de título
//!     nosso_numero: "12345680".into(),
//!     seu_numero: "NF-1003".into(),
//!     carteira: "109".into(),
//!     especie: "01".into(),
//!     aceite: "N".into(),
//!     emissao: NaiveDate::from_ymd_opt(2026, 11, 30),
//!     vencimento: NaiveDate::from_ymd_opt(2026, 12, 30),
//!     valor: Decimal::new(34990, 2),
//!     pagador: Pessoa {
//!         inscricao: Inscricao { tipo: Some(1), numero: "52998224725".into() },
//!         nome: "José da Conceição".into(),
//!         endereco: "Rua das Flores, 100".into(),
//!         bairro: "Centro".into(),
//!         cep: "01001000".into(),
//!         cidade: "São Paulo".into(),
//!         uf: "SP".into(),
//!     },
//!     ..Default::default()
//! });
//!
//! let written = write_remessa_with(&remessa, Bank::new(341), Layout::Cnab240, WriteOptions::default())?;
//! assert!(written.warnings.is_empty());
//! // Header, batch header, segments P and Q, batch trailer, file trailer; 240 bytes each plus CRLF.
//! assert_eq!(written.bytes.len(), 6 * 242);
//!
//! // Read it back: the same title, accents transliterated as the layout requires.
//! let back = read_remessa(&written.bytes, ReadOptions::strict())?;
//! assert_eq!(back.titulos[0].valor, Decimal::new(34990, 2));
//! assert_eq!(back.titulos[0].pagador.nome, "JOSE DA CONCEICAO");
//!
//! // A value the layout cannot hold is refused, naming the title and field.
//! remessa.titulos[0].valor = Decimal::new(1, 3); // R$ 0,001
//! let err = write_remessa(&remessa, Bank::new(341), Layout::Cnab240).unwrap_err();
//! assert_eq!(err.field, Some("valor_titulo"));
//! # Ok::<(), cnab_core::Error>(())
//! ```
//!
//! ## 5. Keep the bank's bytes
//!
//! Every record keeps its raw bytes and line ending: [`write_raw`](crate::write_raw) gives the
//! original file back, byte for byte, and each record decodes its fields by name.
//!
//! ```
//! use cnab_core::{read, CnabFile, ReadOptions, Value};
//! use cnab_core::write_raw;
//! use cnab_core::tutorial::ITAU_240_REMESSA;
//!
//! let CnabFile::Remessa(remessa) = read(ITAU_240_REMESSA, ReadOptions::strict())? else { unreachable!() };
//! assert_eq!(remessa.titulos.len(), 2);
//! assert_eq!(write_raw(b"", &remessa.records, b""), ITAU_240_REMESSA);
//! # Ok::<(), cnab_core::Error>(())
//! ```
//!
//! ## 6. Boletos
//!
//! Barcodes, linhas digitáveis, nosso número check digits and PIX BR Codes live in the `boleto` crate; its front
//! page walks making a boleto and parsing a linha digitável.

/// A small Itaú CNAB 240 retorno (two entries: one paid, one entry confirmed), for the examples.
pub const ITAU_240_RETORNO: &[u8] = include_bytes!("tutorial/itau-240-retorno.ret");

/// A small Itaú CNAB 240 remessa (two títulos), for the examples.
pub const ITAU_240_REMESSA: &[u8] = include_bytes!("tutorial/itau-240-remessa.rem");

/// A small FEBRABAN CNAB 150 débito automático retorno (version 05), for the examples of [`crate::cnab150`].
pub const FEBRABAN_150_DEBITO_RETORNO: &[u8] =
    include_bytes!("tutorial/febraban-150-debito-retorno.ret");
