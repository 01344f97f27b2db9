//! One module per bank: its CNAB 240 and CNAB 400 tables, codes and quirks, each citing the manual it follows.
//!
//! Adding a bank: write `banks/<name>.rs` with a `pub const BANK: BankSpec` and list it in [`ALL`].

use crate::bank::BankSpec;

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

/// Every bank we have layouts for.
pub const ALL: &[&BankSpec] = &[
    &bb::BANK,
    &bnb::BANK,
    &santander::BANK,
    &banrisul::BANK,
    &brb::BANK,
    &inter::BANK,
    &ailos::BANK,
    &credisis::BANK,
    &caixa::BANK,
    &unicred::BANK,
    &btg::BANK,
    &fibra::BANK,
    &bradesco::BANK,
    &c6::BANK,
    &itau::BANK,
    &hsbc::BANK,
    &delbank::BANK,
    &safra::BANK,
    &rendimento::BANK,
    &pine::BANK,
    &bv::BANK,
    &daycoval::BANK,
    &ourinvest::BANK,
    &citibank::BANK,
    &sicredi::BANK,
    &sicoob::BANK,
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
        for t in crate::layouts::febraban240::ALL {
            assert_eq!(t.check(), Ok(()));
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
