//! One module per bank: its CNAB 240 and CNAB 400 tables, codes and quirks, each citing the manual it follows.
//!
//! Adding a bank: its module (`banks/<name>/cnab240.rs` and/or `cnab400.rs`, each with a `LAYOUTS` list, its code
//! tables as `.tsv` files beside it, included by `codes!`, and its records in `cnab400-records.tsv` and
//! `cnab240-records.tsv` (a CNAB 240 record derived from FEBRABAN's), included by `records!`) and one line in [`ALL`].

use crate::bank::BankSpec;

/// A code table written as data beside its bank module (`banks/<path>.tsv`: movimentos, ocorrências or motivos, one
/// line a code as the manual prints it), turned into a `const` slice at build time by the crate's `build.rs`.
macro_rules! codes {
    ($path:literal) => {
        include!(concat!(env!("OUT_DIR"), "/banks/", $path, ".rs"))
    };
}

/// A bank's record layouts written as data (`banks/<path>.tsv`: a section `[NAME]` a record, one line a field as
/// the manual prints it; a CNAB 240 record derived from FEBRABAN's, `= febraban240::…`), turned at build time by the crate's `build.rs` into one documented
/// `pub const NAME: RecordLayout` a section (`build/layouts.rs` describes the format).
macro_rules! records {
    ($path:literal) => {
        include!(concat!(env!("OUT_DIR"), "/banks/", $path, ".rs"));
    };
}

pub mod ailos;
pub mod banrisul;
pub mod bb;
pub mod bnb;
pub mod bradesco;
pub mod brb;
pub mod btg;
pub mod bv;
pub mod c6;
pub mod caixa;
pub mod citibank;
pub mod credisis;
pub mod daycoval;
pub mod delbank;
pub mod fibra;
pub mod hsbc;
pub mod inter;
pub mod itau;
pub mod ourinvest;
pub mod pine;
pub mod rendimento;
pub mod safra;
pub mod santander;
pub mod shared;
pub mod sicoob;
pub mod sicredi;
pub mod unicred;

/// The bank registry: every bank we have layouts for, with its code, CNAB 240 and CNAB 400 layouts (`&[]`: none);
/// its name is `boleto::Bank::name`'s.
/// It drives detection, reading, writing, names and `cnab banks`; adding a bank is its module plus one line here.
#[rustfmt::skip] // one line a bank
pub const ALL: &[&BankSpec] = &[
    &BankSpec::new(1, bb::cnab240::LAYOUTS, bb::cnab400::LAYOUTS),
    &BankSpec::new(4, &[], bnb::cnab400::LAYOUTS),
    &BankSpec::new(33, santander::cnab240::LAYOUTS, santander::cnab400::LAYOUTS),
    &BankSpec::new(41, banrisul::cnab240::LAYOUTS, banrisul::cnab400::LAYOUTS),
    &BankSpec::new(70, &[], brb::cnab400::LAYOUTS),
    &BankSpec::new(77, &[], inter::cnab400::LAYOUTS),
    &BankSpec::new(85, ailos::cnab240::LAYOUTS, ailos::cnab400::LAYOUTS),
    &BankSpec::new(97, &[], credisis::cnab400::LAYOUTS),
    &BankSpec::new(104, caixa::cnab240::LAYOUTS, caixa::cnab400::LAYOUTS),
    &BankSpec::new(136, &[], unicred::cnab400::LAYOUTS),
    &BankSpec::new(208, btg::cnab240::LAYOUTS, btg::cnab400::LAYOUTS),
    &BankSpec::new(224, &[], fibra::cnab400::LAYOUTS),
    &BankSpec::new(237, bradesco::cnab240::LAYOUTS, bradesco::cnab400::LAYOUTS),
    &BankSpec::new(336, &[], c6::cnab400::LAYOUTS),
    &BankSpec::new(341, itau::cnab240::LAYOUTS, itau::cnab400::LAYOUTS),
    &BankSpec::new(399, &[], hsbc::cnab400::LAYOUTS),
    &BankSpec::new(435, &[], delbank::cnab400::LAYOUTS),
    &BankSpec::new(422, &[], safra::cnab400::LAYOUTS),
    &BankSpec::new(633, &[], rendimento::cnab400::LAYOUTS),
    &BankSpec::new(643, &[], pine::cnab400::LAYOUTS),
    &BankSpec::new(655, &[], bv::cnab400::LAYOUTS),
    &BankSpec::new(707, &[], daycoval::cnab400::LAYOUTS),
    &BankSpec::new(712, &[], ourinvest::cnab400::LAYOUTS),
    &BankSpec::new(745, &[], citibank::cnab400::LAYOUTS),
    &BankSpec::new(748, sicredi::cnab240::LAYOUTS, sicredi::cnab400::LAYOUTS),
    &BankSpec::new(756, sicoob::cnab240::LAYOUTS, sicoob::cnab400::LAYOUTS),
];

/// The spec of a bank code.
pub fn spec(code: u16) -> Option<&'static BankSpec> {
    // Santander's manual (H7800, header 77-79) allows its former Banespa-era code 353 as well as 033.
    let code = if code == 353 { 33 } else { code };
    ALL.iter().copied().find(|b| b.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record table of every bank: contiguous, no overlap, exactly 240 or 400 positions, unique names.
    #[test]
    fn every_table_is_well_formed() {
        let mut checked = 0;
        for t in crate::layouts::febraban240::ALL
            .iter()
            .chain(crate::layouts::pagamentos240::ALL)
            .chain(crate::layouts::extrato240::ALL)
        {
            assert_eq!(t.check(), Ok(()), "{}", t.name);
            checked += 1;
        }
        for bank in ALL {
            for spec in bank.layouts() {
                for (key, layout) in spec.records {
                    // A header identified by its own literal (BRB's 39-byte "DCB" header) has its own length.
                    let own_header = *key == crate::bank::RecordKey::FileHeader
                        && !spec.framing.header_literal.is_empty();
                    assert!(
                        own_header || layout.len == spec.layout.line_len(),
                        "{} {:?} {}",
                        bank.code,
                        key,
                        layout.name
                    );
                    assert_eq!(layout.check(), Ok(()), "bank {} {:?}", bank.code, key);
                    checked += 1;
                }
                for e in spec.entry {
                    assert!(
                        spec.record(e.key).is_some() || e.emit == crate::bank::Emit::Never,
                        "bank {} entry {:?} has no table",
                        bank.code,
                        e.key
                    );
                }
                assert!(!spec.source.is_empty());
            }
        }
        assert!(checked > 10);
    }

    #[test]
    fn codes_are_unique() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(
                ALL.iter().skip(i + 1).all(|b| b.code != a.code),
                "bank {} listed twice",
                a.code
            );
        }
    }
}
