//! Arbitrary models → `write_remessa` for every bank and layout that has a remessa table: Ok or Err, never a
//! panic; what is written reads back (leniently) without a panic and has lines of the layout's length.
#![no_main]
#![allow(clippy::needless_update)]

use arbitrary::{Arbitrary, Unstructured};
use chrono::NaiveDate;
use cnab_core::{
    Beneficiario, Encargo, Header, Inscricao, Instrucao, Pessoa, Remessa, Titulo,
};
use cnab_core::{banks, write_remessa_with, Bank, FileKind, ReadOptions, WriteOptions};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fn date(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<NaiveDate>> {
    Ok(if bool::arbitrary(u)? {
        NaiveDate::from_num_days_from_ce_opt(i32::arbitrary(u)?)
    } else {
        None
    })
}

fn dec(u: &mut Unstructured<'_>) -> arbitrary::Result<Decimal> {
    let v = Decimal::from_parts(
        u32::arbitrary(u)?,
        u32::arbitrary(u)?,
        u32::arbitrary(u)?,
        bool::arbitrary(u)?,
        u32::arbitrary(u)? % 29,
    );
    Ok(v)
}

fn odec(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<Decimal>> {
    Ok(if bool::arbitrary(u)? {
        Some(dec(u)?)
    } else {
        None
    })
}

fn encargo(u: &mut Unstructured<'_>) -> arbitrary::Result<Encargo> {
    Ok(Encargo {
        codigo: String::arbitrary(u)?,
        data: date(u)?,
        valor: odec(u)?,
        ..Encargo::default()
    })
}

fn pessoa(u: &mut Unstructured<'_>) -> arbitrary::Result<Pessoa> {
    Ok(Pessoa {
        inscricao: Inscricao {
            tipo: Option::<u8>::arbitrary(u)?,
            numero: String::arbitrary(u)?,
        },
        nome: String::arbitrary(u)?,
        endereco: String::arbitrary(u)?,
        bairro: String::arbitrary(u)?,
        cep: String::arbitrary(u)?,
        cidade: String::arbitrary(u)?,
        uf: String::arbitrary(u)?,
        ..Pessoa::default()
    })
}

fn titulo(u: &mut Unstructured<'_>) -> arbitrary::Result<Titulo> {
    Ok(Titulo {
        movimento: String::arbitrary(u)?,
        nosso_numero: String::arbitrary(u)?,
        nosso_numero_dv: Option::<String>::arbitrary(u)?,
        seu_numero: String::arbitrary(u)?,
        uso_empresa: String::arbitrary(u)?,
        carteira: String::arbitrary(u)?,
        variacao: String::arbitrary(u)?,
        especie: String::arbitrary(u)?,
        aceite: String::arbitrary(u)?,
        emissao: date(u)?,
        vencimento: date(u)?,
        valor: dec(u)?,
        juros: encargo(u)?,
        multa: encargo(u)?,
        desconto: encargo(u)?,
        abatimento: odec(u)?,
        iof: odec(u)?,
        protesto: Instrucao {
            codigo: String::arbitrary(u)?,
            prazo: Option::<u32>::arbitrary(u)?,
        },
        baixa: Instrucao {
            codigo: String::arbitrary(u)?,
            prazo: Option::<u32>::arbitrary(u)?,
        },
        pagador: pessoa(u)?,
        sacador_avalista: if bool::arbitrary(u)? {
            Some(pessoa(u)?)
        } else {
            None
        },
        mensagens: Vec::<String>::arbitrary(u)?,
        line: 0,
        ..Titulo::default()
    })
}

fn remessa(u: &mut Unstructured<'_>) -> arbitrary::Result<Remessa> {
    let header = Header {
        beneficiario: Beneficiario {
            nome: String::arbitrary(u)?,
            inscricao: Inscricao {
                tipo: Option::<u8>::arbitrary(u)?,
                numero: String::arbitrary(u)?,
            },
            agencia: String::arbitrary(u)?,
            agencia_dv: String::arbitrary(u)?,
            conta: String::arbitrary(u)?,
            conta_dv: String::arbitrary(u)?,
            convenio: String::arbitrary(u)?,
            codigo_beneficiario: String::arbitrary(u)?,
            ..Beneficiario::default()
        },
        banco_nome: String::arbitrary(u)?,
        nsa: Option::<u64>::arbitrary(u)?,
        data_geracao: date(u)?,
        layout_versao: String::arbitrary(u)?,
        data_credito: date(u)?,
        ..Header::default()
    };
    let n = u.int_in_range(0..=4)?;
    let mut titulos = Vec::with_capacity(n);
    for _ in 0..n {
        titulos.push(titulo(u)?);
    }
    Ok(Remessa {
        bank: None,
        header,
        titulos,
        records: Vec::new(),
        problems: Vec::new(),
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(model) = remessa(&mut u) else { return };
    let skip = data.first().is_some_and(|b| b & 1 == 1);
    for bank in banks::ALL {
        for spec in bank.layouts().filter(|s| s.kind == FileKind::Remessa) {
            let opts = WriteOptions {
                skip_document_check: skip,
                ..WriteOptions::default()
            };
            let Ok(cnab_core::Written { bytes, .. }) =
                write_remessa_with(&model, Bank::new(bank.code), spec.layout, opts)
            else {
                continue;
            };
            // Every line has the length of one of the layout's records: the layout's (240/400), or a record of its
            // own length (BRB's "DCB" header is 39 bytes).
            for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                assert!(
                    line.len() == spec.layout.line_len()
                        || spec.records.iter().any(|(_, r)| r.len == line.len()),
                    "bank {} {}: written line of {} bytes",
                    bank.code,
                    spec.layout,
                    line.len()
                );
            }
            let _ = cnab_core::read_remessa(&bytes, ReadOptions::lenient());
        }
    }
});
